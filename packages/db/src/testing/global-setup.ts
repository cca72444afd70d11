import { randomBytes } from "node:crypto";

import type { TestProject } from "vitest/node";

import { bootstrapDatabase, dropDatabase } from "../bootstrap";
import { migrationPaths } from "../migrate-cli";
import { deployMigrations } from "../schema-engine";

// One database and one Redis key prefix per test run, so concurrent runs (CI, a developer,
// `pnpm start`) never see each other's rows or keys.
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const runId = randomBytes(4).toString("hex");
  const database = `greenroom_test_${runId}`;
  const urls = await bootstrapDatabase({ adminUrl, database, ownerPassword: "greenroom", appPassword: "greenroom" });
  await deployMigrations(urls.ownerUrl, migrationPaths);

  project.provide("testEnv", {
    DATABASE_ADMIN_URL: adminUrl,
    DATABASE_URL: urls.appUrl,
    DATABASE_OWNER_URL: urls.ownerUrl,
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_PREFIX: `gr-test-${runId}`,
    TEST_DATABASE_NAME: database,
    // Integrations: a throwaway sealing key, and the simulators on loopback are allowed.
    INTEGRATIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    INTEGRATIONS_ALLOW_PRIVATE_NETWORKS: "true",
  });

  return async () => {
    if (process.env.KEEP_TEST_DB) return;
    await dropDatabase(adminUrl, database);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: Record<string, string>;
  }
}
