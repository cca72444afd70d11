import { runStandalone } from "../shared/standalone";
import { pagerdutySimulatorEnv } from "./env";
import { describePagerdutySeed, seedPagerdutyAccount } from "./seed";
import { createPagerdutySimulator } from "./server";

// Runs the PagerDuty simulator on its own (the demo, manual testing, a benchmark in another
// process). Point both the REST base URL and the events URL at it; drive it through
// http://127.0.0.1:<port>/_control/... (GET /_control/account lists keys and integration keys).
const env = pagerdutySimulatorEnv();
await runStandalone(async () => {
  const account = seedPagerdutyAccount({
    subdomain: env.PAGERDUTY_SIMULATOR_SUBDOMAIN,
    services: env.PAGERDUTY_SIMULATOR_SERVICES,
    serviceNames: env.PAGERDUTY_SIMULATOR_SERVICE_NAMES,
    serviceIds: env.PAGERDUTY_SIMULATOR_SERVICE_IDS,
    people: env.PAGERDUTY_SIMULATOR_PEOPLE,
    teams: env.PAGERDUTY_SIMULATOR_TEAMS,
    users: env.PAGERDUTY_SIMULATOR_USERS,
    seed: env.PAGERDUTY_SIMULATOR_SEED,
    historicalIncidents: env.PAGERDUTY_SIMULATOR_HISTORICAL_INCIDENTS,
  });
  const simulator = await createPagerdutySimulator({
    port: env.PAGERDUTY_SIMULATOR_PORT,
    account,
    tokens: env.PAGERDUTY_SIMULATOR_TOKENS,
    readOnlyTokens: env.PAGERDUTY_SIMULATOR_READ_ONLY_TOKENS,
    rateLimit: { perMinute: env.PAGERDUTY_SIMULATOR_RATE_LIMIT },
    faults: { latencyMs: env.PAGERDUTY_SIMULATOR_LATENCY_MS },
    tickMs: env.PAGERDUTY_SIMULATOR_TICK_MS || undefined,
  });
  const summary = describePagerdutySeed(account);
  return {
    simulator,
    summary: `PagerDuty simulator on ${simulator.url} — account "${account.subdomain}": ${summary.services} services, ${summary.escalationPolicies} escalation policies, ${summary.schedules} schedules, ${summary.teams} teams, ${summary.users} users, ${summary.incidents} incidents (${summary.openIncidents} open)`,
    details: [
      `  token: ${simulator.tokens[0]}  read-only: ${simulator.readOnlyTokens[0] ?? "none"}  events: POST ${simulator.url}/v2/enqueue (integration keys: GET ${simulator.url}/_control/account)`,
      env.PAGERDUTY_SIMULATOR_TICK_MS ? `  ticking every ${env.PAGERDUTY_SIMULATOR_TICK_MS} ms` : "  the account stands still (set --tick-ms to make incidents come and go)",
    ],
  };
});
