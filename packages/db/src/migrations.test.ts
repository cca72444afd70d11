import { copyFile, mkdtemp, readFile, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { bootstrapDatabase, dropDatabase } from "./bootstrap";
import { migrationPaths } from "./migrate-cli";
import { diffMigrationsAgainstSchema } from "./schema-engine";

// `migrate diff --exit-code` in CI: the schema and the migrations may not drift apart.

async function diffWith(paths: typeof migrationPaths) {
  const adminUrl = process.env.DATABASE_ADMIN_URL!;
  const suffix = Math.random().toString(36).slice(2, 8);
  const options = { adminUrl, ownerPassword: "greenroom", appPassword: "greenroom" };
  const target = await bootstrapDatabase({ ...options, database: `greenroom_difftest_${suffix}` });
  const shadow = await bootstrapDatabase({ ...options, database: `greenroom_diffshadow_${suffix}` });
  try {
    return await diffMigrationsAgainstSchema(target.ownerUrl, shadow.ownerUrl, paths);
  } finally {
    await dropDatabase(adminUrl, `greenroom_difftest_${suffix}`);
    await dropDatabase(adminUrl, `greenroom_diffshadow_${suffix}`);
  }
}

describe("schema and migrations", () => {
  it("agree: replaying prisma/migrations reaches prisma/schema.prisma exactly", async () => {
    const result = await diffWith(migrationPaths);
    expect(result.script.trim()).toBe("-- This is an empty migration.");
    expect(result.drift).toBe(false);
  });

  it("detects a schema change that has no migration", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "greenroom-drift-"));
    const schemaFile = path.join(dir, "schema.prisma");
    await copyFile(migrationPaths.schemaFile, schemaFile);
    const schema = await readFile(schemaFile, "utf8");
    await writeFile(schemaFile, schema.replace("  avatarUrl    String?  @map(\"avatar_url\")", "  avatarUrl    String?  @map(\"avatar_url\")\n  timezone     String?"));
    await cp(migrationPaths.migrationsDir, path.join(dir, "migrations"), { recursive: true });
    const result = await diffWith({ schemaFile, migrationsDir: path.join(dir, "migrations") });
    expect(result.drift).toBe(true);
    expect(result.script).toContain('ADD COLUMN     "timezone" TEXT');
  });
});
