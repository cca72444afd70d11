import path from "node:path";
import { fileURLToPath } from "node:url";

import { bootstrapDatabase, dropDatabase } from "./bootstrap";
import { deployMigrations, diffMigrationsAgainstSchema, type MigrationPaths } from "./schema-engine";

// `migrate-cli deploy` (= prisma migrate deploy) and `migrate-cli diff` (= prisma migrate diff
// --from-migrations prisma/migrations --to-schema prisma/schema.prisma --exit-code).
// Env is read here, at the CLI edge, because the k8s migration Job and CI call this directly.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const migrationPaths: MigrationPaths = {
  schemaFile: path.join(repoRoot, "prisma/schema.prisma"),
  migrationsDir: path.join(repoRoot, "prisma/migrations"),
};

function required(name: string, value: string | undefined): string {
  if (!value) {
    console.error(`${name} is not set. It must point at the database as its owner role (greenroom_owner).`);
    process.exit(1);
  }
  return value;
}

async function main(command: string | undefined) {
  const { migrateEnv } = await import("./migrate-env");
  const env = migrateEnv();
  if (command === "deploy") {
    const applied = await deployMigrations(required("DATABASE_OWNER_URL", env.DATABASE_OWNER_URL), migrationPaths);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.");
    return;
  }
  if (command === "diff") {
    const adminUrl = required("DATABASE_ADMIN_URL", env.DATABASE_ADMIN_URL);
    const suffix = Math.random().toString(36).slice(2, 10);
    const options = { adminUrl, ownerPassword: env.DATABASE_OWNER_PASSWORD, appPassword: env.DATABASE_APP_PASSWORD };
    const target = await bootstrapDatabase({ ...options, database: `greenroom_diff_${suffix}` });
    const shadow = await bootstrapDatabase({ ...options, database: `greenroom_shadow_${suffix}` });
    try {
      const { drift, script } = await diffMigrationsAgainstSchema(target.ownerUrl, shadow.ownerUrl, migrationPaths);
      if (drift) {
        console.error("prisma/schema.prisma and prisma/migrations disagree. A migration must add:\n" + script);
        process.exitCode = 2;
      } else {
        console.log("Schema and migrations agree (migrate diff --exit-code: 0).");
      }
    } finally {
      await dropDatabase(adminUrl, `greenroom_diff_${suffix}`);
      await dropDatabase(adminUrl, `greenroom_shadow_${suffix}`);
    }
    return;
  }
  console.error("usage: migrate-cli deploy | diff");
  process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main(process.argv[2]);
}
