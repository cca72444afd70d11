import { runStandalone } from "../shared/standalone";
import { datadogSimulatorEnv } from "./env";
import { RATE_LIMIT_FAMILIES, type RateLimitOptions } from "./rate-limits";
import { describeSeed, seedDatadogOrg } from "./seed";
import { createDatadogSimulator } from "./server";

// Runs the Datadog simulator on its own (the demo, manual testing, a benchmark in another
// process). Drive it through http://127.0.0.1:<port>/_control/... (see control-routes.ts).
const env = datadogSimulatorEnv();
const budget = env.DATADOG_SIMULATOR_RATE_LIMIT || env.DATADOG_SIMULATOR_RATE_LIMIT_PERIOD ? { limit: env.DATADOG_SIMULATOR_RATE_LIMIT, periodSeconds: env.DATADOG_SIMULATOR_RATE_LIMIT_PERIOD } : null;
const rateLimits: RateLimitOptions | undefined = budget
  ? Object.fromEntries(RATE_LIMIT_FAMILIES.map((family) => [family, Object.fromEntries(Object.entries(budget).filter(([, value]) => value !== undefined))]))
  : undefined;
const incidentsEnabled = env.DATADOG_SIMULATOR_INCIDENTS_ENABLED === "true";

await runStandalone(async () => {
  const data = seedDatadogOrg({
    org: env.DATADOG_SIMULATOR_ORG,
    services: env.DATADOG_SIMULATOR_SERVICES,
    serviceNames: env.DATADOG_SIMULATOR_SERVICE_NAMES,
    monitors: env.DATADOG_SIMULATOR_MONITORS,
    slos: env.DATADOG_SIMULATOR_SLOS,
    dashboards: env.DATADOG_SIMULATOR_DASHBOARDS,
    incidents: env.DATADOG_SIMULATOR_INCIDENTS,
    seed: env.DATADOG_SIMULATOR_SEED,
  });
  const simulator = await createDatadogSimulator({
    port: env.DATADOG_SIMULATOR_PORT,
    org: data,
    apiKeys: env.DATADOG_SIMULATOR_API_KEYS,
    appKeys: env.DATADOG_SIMULATOR_APP_KEYS,
    rateLimits,
    faults: { latencyMs: env.DATADOG_SIMULATOR_LATENCY_MS },
    incidentsEnabled,
    tickMs: env.DATADOG_SIMULATOR_TICK_MS,
  });
  const summary = describeSeed(data);
  const versions = Object.entries(summary.versions).map(([version, n]) => `${n} ${version}`).join(", ");
  return {
    simulator,
    summary: `Datadog simulator on ${simulator.url} — org "${data.name}": ${summary.services} service definitions (${versions}), ${summary.monitors} monitors (${summary.alerting} alerting), ${summary.slos} SLOs, ${summary.dashboards} dashboards, ${incidentsEnabled ? `${summary.incidents} incidents` : "incidents off"}`,
    details: [`  DD-API-KEY: ${simulator.apiKey}  DD-APPLICATION-KEY: ${simulator.appKey}  (connect with baseUrl ${simulator.url})`],
  };
});
