import { disconnectPrisma } from "@greenroom/db";

import { benchCatalog } from "./catalog";
import { benchEnv } from "./env";
import { benchGithubSync } from "./github-sync";
import { benchTenantTransaction } from "./tenant-transaction";

// `pnpm bench`: every benchmark, figures and ratios printed. BENCH_ONLY=<name> runs one.
const suites: Record<string, () => Promise<void>> = {
  "tenant-transaction": benchTenantTransaction,
  catalog: benchCatalog,
  "github-sync": benchGithubSync,
};

const only = benchEnv().BENCH_ONLY;
for (const [name, run] of Object.entries(suites)) {
  if (only && name !== only) continue;
  console.log(`\n=== ${name} ===`);
  await run();
  await disconnectPrisma();
}
