import { randomBytes } from "node:crypto";

import { requestSync } from "@greenroom/connectors";
import { withTenant, type SyncRunRecord } from "@greenroom/db";

import { benchEnv } from "../env";

/** The env an integration-sync benchmark runs under: its database, its own Redis prefix, loopback simulators allowed. */
export function useSyncBenchEnv(appUrl: string): void {
  process.env.DATABASE_URL = appUrl;
  process.env.REDIS_URL = benchEnv().BENCH_REDIS_URL;
  process.env.REDIS_PREFIX = `gr-bench-${randomBytes(3).toString("hex")}`;
  process.env.INTEGRATIONS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  process.env.INTEGRATIONS_ALLOW_PRIVATE_NETWORKS = "true";
}

/** Asks for a sync and waits until the integration has `finished` finished runs; the newest one, timed. */
export async function syncAndWait(tenantId: string, integrationId: string, finished: number): Promise<{ seconds: number; run: SyncRunRecord }> {
  const begin = performance.now();
  await requestSync(tenantId, integrationId, "manual");
  for (;;) {
    const runs = await withTenant({ tenantId }, (db) => db.integrationSyncRuns.listForIntegration(integrationId));
    if (runs.filter((run) => run.finishedAt).length >= finished) return { seconds: (performance.now() - begin) / 1000, run: runs[0]! };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
