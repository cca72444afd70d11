import type { IntegrationKind, TenantDb } from "@greenroom/db";

export type Freshness = {
  integrationId: string;
  name: string;
  kind: IntegrationKind;
  status: string;
  lastSuccessAt: Date | null;
  nextSyncAt: Date | null;
  /** The data is older than the schedule promises, or the last sync failed: shown, marked stale. */
  stale: boolean;
  problem: string | null;
};

const OPERATIONS_KINDS: IntegrationKind[] = ["PAGERDUTY", "DATADOG"];

/**
 * How fresh each PagerDuty/Datadog integration's data is. A failed sync keeps the previous data
 * (nothing is deleted) and marks it stale, so a vendor outage never blanks the portal.
 */
export async function operationsFreshness(db: TenantDb, now = new Date()): Promise<Freshness[]> {
  const integrations = (await db.integrations.list()).filter((integration) => OPERATIONS_KINDS.includes(integration.kind));
  return Promise.all(
    integrations.map(async (integration) => {
      const runs = await db.integrationSyncRuns.listForIntegration(integration.id, 20);
      const lastSuccess = runs.find((run) => run.status === "succeeded")?.finishedAt ?? null;
      const latestFinished = runs.find((run) => run.finishedAt !== null);
      const intervalMs = integration.intervalMinutes * 60_000;
      const failedSince = latestFinished && latestFinished.status === "failed" ? latestFinished : null;
      const overdue = lastSuccess ? now.getTime() - lastSuccess.getTime() > 2 * intervalMs + 5 * 60_000 : true;
      const scheduled = integration.status === "ACTIVE";
      const nextSyncAt = scheduled ? new Date(Math.max(now.getTime(), (integration.lastSyncAt ?? integration.createdAt).getTime() + intervalMs)) : null;
      return {
        integrationId: integration.id,
        name: integration.name,
        kind: integration.kind,
        status: integration.status,
        lastSuccessAt: lastSuccess,
        nextSyncAt,
        stale: overdue || failedSince !== null || integration.status === "ERROR",
        problem: integration.statusMessage ?? failedSince?.message ?? (lastSuccess ? null : "Not synced yet"),
      };
    }),
  );
}
