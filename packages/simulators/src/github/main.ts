import { runStandalone } from "../shared/standalone";
import { githubSimulatorEnv } from "./env";
import { createGithubSimulator } from "./server";
import { describeSeed, seedGithubOrg } from "./seed";

// Runs the GitHub simulator on its own (the demo, manual testing, a benchmark in another
// process). Drive it through http://127.0.0.1:<port>/_control/... (see README.md).
const env = githubSimulatorEnv();
await runStandalone(async () => {
  const data = seedGithubOrg({
    org: env.GITHUB_SIMULATOR_ORG,
    repos: env.GITHUB_SIMULATOR_REPOS,
    teams: env.GITHUB_SIMULATOR_TEAMS,
    people: env.GITHUB_SIMULATOR_PEOPLE,
    seed: env.GITHUB_SIMULATOR_SEED,
    catalogFileRatio: env.GITHUB_SIMULATOR_CATALOG_RATIO,
    invalidCatalogRatio: env.GITHUB_SIMULATOR_INVALID_CATALOG_RATIO,
  });
  const simulator = await createGithubSimulator({
    port: env.GITHUB_SIMULATOR_PORT,
    orgs: [data],
    tokens: env.GITHUB_SIMULATOR_TOKENS,
    app: { id: env.GITHUB_SIMULATOR_APP_ID, privateKey: env.GITHUB_SIMULATOR_APP_PRIVATE_KEY },
    rateLimit: { core: env.GITHUB_SIMULATOR_RATE_LIMIT, graphql: env.GITHUB_SIMULATOR_RATE_LIMIT },
    secondaryLimits: env.GITHUB_SIMULATOR_SECONDARY_LIMITS === "true" ? {} : false,
    faults: { latencyMs: env.GITHUB_SIMULATOR_LATENCY_MS },
    webhook: env.GITHUB_WEBHOOK_SECRET ? { url: env.GITHUB_WEBHOOK_URL, secret: env.GITHUB_WEBHOOK_SECRET } : null,
  });
  const summary = describeSeed(data);
  return {
    simulator,
    summary: `GitHub simulator on ${simulator.url} — org "${data.org.login}": ${summary.repos} repos (${summary.catalogFiles} with catalog-info.yaml), ${summary.teams} teams, ${summary.people} people`,
    details: [
      `  token: ${simulator.tokens[0]}  app id: ${simulator.app.id}  (key and installations: GET ${simulator.url}/_control/app)`,
      env.GITHUB_WEBHOOK_SECRET ? `  webhooks → ${env.GITHUB_WEBHOOK_URL}` : "  webhooks off (set GITHUB_WEBHOOK_SECRET to deliver them)",
    ],
  };
});
