import { disconnectPrisma } from "@greenroom/db";

import { benchCatalog } from "./catalog";
import { benchGithubSync } from "./github-sync";
import { benchOperationsSync } from "./operations-sync";
import { benchTenantTransaction } from "./tenant-transaction";

const suites: Record<string, () => Promise<void>> = {
  "tenant-transaction": benchTenantTransaction,
  catalog: benchCatalog,
  "github-sync": benchGithubSync,
  "operations-sync": benchOperationsSync,
};

const name = process.argv[2] ?? "";
const suite = suites[name];
if (!suite) {
  console.error(`Unknown benchmark "${name}". Known: ${Object.keys(suites).join(", ")}`);
  process.exit(1);
}
await suite();
await disconnectPrisma();
process.exit(0);
