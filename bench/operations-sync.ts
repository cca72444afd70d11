import { randomUUID } from "node:crypto";

import { closeIntegrationQueue, createIntegration } from "@greenroom/connectors";
import { startSyncWorker } from "@greenroom/connectors/testing";
import { withTenant, type IntegrationKind } from "@greenroom/db";
import { catalogRowVersions } from "@greenroom/db/testing";
import { closeSharedRedis } from "@greenroom/queue";
import { createDatadogSimulator, DEFAULT_DATADOG_API_KEY, DEFAULT_DATADOG_APP_KEY } from "@greenroom/simulators/datadog";
import { createPagerdutySimulator, DEFAULT_PAGERDUTY_TOKEN } from "@greenroom/simulators/pagerduty";

import { withBenchDatabase } from "./lib/bench-database";
import { syncAndWait, useSyncBenchEnv } from "./lib/sync-bench";

const PD_SERVICES = 2_000;
const DD_SERVICES = 1_000;
const DD_MONITORS = 20_000;
const DD_SLOS = 500;
const LATENCY_MS = 50;

/**
 * Issue 5: a cold and an unchanged sync of 2,000 PagerDuty services and 20,000 Datadog monitors
 * against the simulators at 50 ms per request: wall time, requests, rows written (zero when
 * unchanged, checked by the rows' xmin as well as the run's counts).
 */
export async function benchOperationsSync(): Promise<void> {
  await withBenchDatabase(async (urls) => {
    useSyncBenchEnv(urls.appUrl);

    const started = performance.now();
    const now = Date.now();
    // A frozen PagerDuty clock: the "unchanged" run must see the same on-call shifts. The vendors'
    // rate limits stay on (PagerDuty 960/min; Datadog's per-endpoint budgets).
    const pagerduty = await createPagerdutySimulator({ seed: { services: PD_SERVICES, seed: 5, now }, now, faults: { latencyMs: LATENCY_MS } });
    const datadog = await createDatadogSimulator({ seed: { services: DD_SERVICES, monitors: DD_MONITORS, slos: DD_SLOS, seed: 5, now }, faults: { latencyMs: LATENCY_MS } });
    console.log(
      `simulators seeded (PagerDuty ${PD_SERVICES} services; Datadog ${DD_SERVICES} services, ${DD_MONITORS} monitors, ${DD_SLOS} SLOs; ${LATENCY_MS} ms latency) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const worker = startSyncWorker({ sync: { pagesPerSlice: 1_000 } });
    worker.on("error", () => undefined);
    const tenantId = randomUUID();
    await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: "bench-operations", name: "bench", trialEndsAt: new Date() }));

    async function connect(kind: IntegrationKind) {
      return withTenant({ tenantId }, (db) =>
        kind === "PAGERDUTY"
          ? // 31 days of resolved incidents: all the seed has (30 days), so none ages out of the
            // window between the two runs (the window follows the real clock; the simulator's stands still).
            createIntegration(db, { kind, name: "PagerDuty", config: { baseUrl: pagerduty.url, eventsUrl: pagerduty.url, incidentDays: 31 }, secrets: { token: DEFAULT_PAGERDUTY_TOKEN }, intervalMinutes: 15, createdById: null })
          : createIntegration(db, { kind, name: "Datadog", config: { baseUrl: datadog.url }, secrets: { apiKey: DEFAULT_DATADOG_API_KEY, appKey: DEFAULT_DATADOG_APP_KEY }, intervalMinutes: 15, createdById: null }),
      );
    }

    async function syncOnce(label: string, integrationId: string, count: number) {
      const { seconds, run } = await syncAndWait(tenantId, integrationId, count);
      const written = run.created + run.updated + run.deleted;
      console.log(
        `${label}: ${seconds.toFixed(1)} s, status ${run.status}, ${run.requests} requests; rows written ${written} (created ${run.created}, updated ${run.updated}, deleted ${run.deleted}), unchanged ${run.unchanged}`,
      );
      return { seconds, written, run };
    }

    try {
      for (const kind of ["PAGERDUTY", "DATADOG"] as const) {
        const integration = await connect(kind);
        const name = kind === "PAGERDUTY" ? "PagerDuty" : "Datadog";
        const cold = await syncOnce(`${name} cold sync`, integration.id, 1);
        const before = await catalogRowVersions(tenantId);
        const warm = await syncOnce(`${name} unchanged re-sync`, integration.id, 2);
        const after = await catalogRowVersions(tenantId);
        const untouched = JSON.stringify(after) === JSON.stringify(before);
        // Which rows moved, when any did: a sliding window (resolved incidents of the last N days)
        // can legitimately drop one between the runs.
        const gone = before.filter((row) => !after.includes(row));
        if (gone.length) console.log(`  rows changed or removed (first 5 of ${gone.length}): ${gone.slice(0, 5).join(", ")}`);
        console.log(
          `  ${name}: unchanged run ${warm.seconds.toFixed(1)} s vs cold ${cold.seconds.toFixed(1)} s (${(cold.seconds / warm.seconds).toFixed(1)}×); zero rows written: ${warm.written === 0 && untouched ? "yes" : `NO (${warm.written} by count, xmin ${untouched ? "same" : "changed"})`}`,
        );
      }
    } finally {
      await worker.close(true);
      await closeIntegrationQueue();
      await closeSharedRedis();
      await pagerduty.close();
      await datadog.close();
    }
  });
}
