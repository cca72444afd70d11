import { disconnectPrisma } from "@greenroom/db";

import { benchEnv } from "./env";
import { benchTenantTransaction } from "./tenant-transaction";

// `pnpm bench`: every benchmark, figures and ratios printed. BENCH_ONLY=<name> runs one.
const suites: Record<string, () => Promise<void>> = {
  "tenant-transaction": benchTenantTransaction,
};

const only = benchEnv().BENCH_ONLY;
for (const [name, run] of Object.entries(suites)) {
  if (only && name !== only) continue;
  console.log(`\n=== ${name} ===`);
  await run();
  await disconnectPrisma();
}
