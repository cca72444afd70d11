import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { benchEnv } from "./env";

// `pnpm bench`: every benchmark, figures and ratios printed. BENCH_ONLY=<name> runs one.
// Each suite runs in its own process: its own database, connection pools and validated env.
const SUITES = ["tenant-transaction", "catalog", "github-sync", "operations-sync"] as const;

const only = benchEnv().BENCH_ONLY;
const suiteRunner = fileURLToPath(new URL("./suite.ts", import.meta.url));
let failed = 0;
for (const name of SUITES) {
  if (only && name !== only) continue;
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, [...process.execArgv, suiteRunner, name], { stdio: "inherit" });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
