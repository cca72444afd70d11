import { disconnectPrisma } from "@greenroom/db";

import { rotateIntegrationSecrets } from "./integrations";

// `pnpm --filter @greenroom/connectors rotate-keys`: re-seals every integration secret under
// INTEGRATIONS_ENCRYPTION_KEY (old keys listed in INTEGRATIONS_PREVIOUS_KEYS). Prints counts only.
const outcome = await rotateIntegrationSecrets();
console.log(`Re-sealed ${outcome.resealed} integration secret(s) across ${outcome.tenants} organization(s); ${outcome.unreadable} sealed under a key not configured (reconnect those).`);
if (outcome.unreadable > 0) process.exitCode = 1;
await disconnectPrisma();
