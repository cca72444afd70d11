#!/usr/bin/env node
// `pnpm test`: every check CI runs, in order, with a summary at the end. Each step prints its
// own output; a failed step does not stop the later ones, so one run shows everything.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const only = process.argv[2];

const steps = [
  { name: "schema drift (prisma migrate diff --exit-code)", cmd: ["pnpm", "exec", "tsx", "packages/db/src/migrate-cli.ts", "diff"], env: { DATABASE_ADMIN_URL: process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" } },
  { name: "typecheck", cmd: ["pnpm", "-r", "--workspace-concurrency=2", "typecheck"] },
  { name: "lint", cmd: ["pnpm", "exec", "eslint", "."] },
  { name: "unit and integration tests (vitest)", cmd: ["pnpm", "exec", "vitest", "run"] },
  { name: "end-to-end tests (playwright)", cmd: ["pnpm", "exec", "tsx", "scripts/e2e.ts"], needsBrowser: true },
];

const results = [];
for (const step of steps) {
  if (only && !step.name.startsWith(only)) continue;
  if (step.needsBrowser && !existsSync(chromium)) {
    console.error(`\n✗ ${step.name}: Chromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`);
    results.push({ name: step.name, ok: false });
    continue;
  }
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), { cwd: root, stdio: "inherit", env: { ...process.env, ...step.env } });
  results.push({ name: step.name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log("\nSummary");
for (const result of results) console.log(`  ${result.ok ? "✓" : "✗"} ${result.name}${result.seconds !== undefined ? ` (${result.seconds}s)` : ""}`);
const failed = results.filter((result) => !result.ok).length;
console.log(`test steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
