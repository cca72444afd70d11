import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

import { bootstrapDatabase, dropDatabase } from "@greenroom/db/bootstrap";
import { deployMigrations } from "@greenroom/db/migrate";

import { startE2eBilling, runAsync, type E2eBilling } from "./e2e-billing";
import { e2eEnv } from "./e2e-env";

// Playwright against a production build, on this run's own database and Redis prefix.

const env = e2eEnv();
const runId = randomBytes(4).toString("hex");
const database = `greenroom_e2e_${runId}`;
const webDir = path.join(import.meta.dirname, "../apps/web");

const urls = await bootstrapDatabase({ adminUrl: env.TEST_DATABASE_ADMIN_URL, database, ownerPassword: "greenroom", appPassword: "greenroom" });
let status: number;
let billing: E2eBilling | undefined;
try {
  await deployMigrations(urls.ownerUrl);
  const childEnv = {
    ...process.env,
    DATABASE_URL: urls.appUrl,
    DATABASE_OWNER_URL: urls.ownerUrl,
    REDIS_URL: env.TEST_REDIS_URL,
    REDIS_PREFIX: `gr-e2e-${runId}`,
    // Every spec signs up its own org from 127.0.0.1: more than a person's hourly allowance.
    SIGNUP_LIMIT_PER_IP: "100",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    E2E_PORT: String(env.E2E_PORT),
    NEXT_DIST_DIR: `.next-e2e-${env.E2E_PORT}`,
    E2E_MODE: env.E2E_MODE,
    // The browser reaches the app on 127.0.0.1 directly: no proxy to trust.
    TRUST_PROXY: "false",
    // Integrations: a throwaway sealing key; the GitHub simulator on loopback is allowed.
    INTEGRATIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    INTEGRATIONS_ALLOW_PRIVATE_NETWORKS: "true",
  };
  if (env.E2E_MODE === "production") {
    console.log("Building the web app for end-to-end tests…");
    const build = spawnSync("pnpm", ["exec", "next", "build"], { cwd: webDir, env: childEnv, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  // Stripe simulator + worker (scripts/e2e-billing.ts); their env reaches the web server too.
  billing = await startE2eBilling({ port: env.E2E_PORT, env: childEnv });
  status = await runAsync("pnpm", ["exec", "playwright", "test", ...process.argv.slice(2)], { cwd: webDir, env: { ...childEnv, ...billing.env } });
} finally {
  await billing?.stop();
  await dropDatabase(env.TEST_DATABASE_ADMIN_URL, database);
}
process.exit(status);
