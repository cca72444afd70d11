// Demo simulators: vendor APIs from packages/simulators that `pnpm start` runs beside web and
// worker, each with an integration of the demo org pointed at it, so the demo catalog fills from
// a (simulated) GitHub on the first start, with webhooks. Plain ESM with Node built-ins only.
//
// To add one (PagerDuty, Datadog…), add an entry to DEMO_SIMULATORS:
//   name         key of the entry (and the [name] output prefix); title: how the banner names it
//   script       the @greenroom/simulators package script that runs it standalone
//   port         preferred port (the next free one is used when it is taken)
//   readyPath    a GET that answers 200 once it is up
//   secrets      values generated once and kept in .data/secrets.json (webhook secrets, keys)
//   env          the environment that script reads, from { port, url, appUrl, secrets, integration }
//                (`integration`: the seeded { tenantId, integrationId }, for webhook URLs)
//   integration  the demo org's integration, from { url, secrets }: kind, name, config, secrets
//                (created by scripts/seed-integrations.ts if none of that name exists, then synced)
//   describe     one banner line
import { generateKeyPairSync, randomBytes } from "node:crypto";
import net from "node:net";

import { sleep } from "./exec.mjs";
import { c, log, UserError } from "./log.mjs";
import { portInUse } from "./processes.mjs";

const SEED_PREFIX = "GREENROOM_DEMO_INTEGRATIONS ";
const GITHUB_APP_ID = "424242";

export const DEMO_SIMULATORS = [
  {
    name: "github",
    title: "GitHub",
    script: "github",
    port: 12112,
    readyPath: "/_control/orgs",
    secrets: {
      GITHUB_DEMO_WEBHOOK_SECRET: () => randomBytes(32).toString("hex"),
      GITHUB_DEMO_APP_PRIVATE_KEY: () =>
        generateKeyPairSync("rsa", {
          modulusLength: 2048,
          privateKeyEncoding: { type: "pkcs8", format: "pem" },
          publicKeyEncoding: { type: "spki", format: "pem" },
        }).privateKey,
    },
    env: ({ port, appUrl, secrets, integration }) => ({
      GITHUB_SIMULATOR_PORT: String(port),
      GITHUB_SIMULATOR_ORG: "acme",
      GITHUB_SIMULATOR_REPOS: "40",
      GITHUB_SIMULATOR_APP_ID: GITHUB_APP_ID,
      GITHUB_SIMULATOR_APP_PRIVATE_KEY: secrets.GITHUB_DEMO_APP_PRIVATE_KEY,
      GITHUB_WEBHOOK_URL: `${appUrl}/api/webhooks/github?tenant=${integration.tenantId}&integration=${integration.integrationId}`,
      GITHUB_WEBHOOK_SECRET: secrets.GITHUB_DEMO_WEBHOOK_SECRET,
    }),
    // Connected as the GitHub App (the installation is found from the org), like a real setup.
    integration: ({ url, secrets }) => ({
      kind: "GITHUB",
      name: "GitHub (simulator)",
      config: { baseUrl: url, org: "acme", authMethod: "app" },
      secrets: {
        appId: GITHUB_APP_ID,
        privateKey: secrets.GITHUB_DEMO_APP_PRIVATE_KEY,
        webhookSecret: secrets.GITHUB_DEMO_WEBHOOK_SECRET,
      },
    }),
    describe: ({ url }) =>
      `${url}  (org acme, 40 repos; push with POST ${url}/_control/push)`,
  },
  {
    name: "pagerduty",
    title: "PagerDuty",
    script: "pagerduty",
    port: 12114,
    readyPath: "/_control/account",
    secrets: { PAGERDUTY_DEMO_TOKEN: () => `y_Nb${randomBytes(12).toString("hex")}` },
    // Services named after (and mostly with the ids annotated on) demo components; incidents
    // come and go every half minute so the demo looks alive.
    env: ({ port, secrets, integration }) => ({
      PAGERDUTY_SIMULATOR_PORT: String(port),
      PAGERDUTY_SIMULATOR_SUBDOMAIN: "acme",
      PAGERDUTY_SIMULATOR_TOKENS: secrets.PAGERDUTY_DEMO_TOKEN,
      PAGERDUTY_SIMULATOR_SERVICE_NAMES: demoList(integration.services?.serviceNames),
      PAGERDUTY_SIMULATOR_SERVICE_IDS: demoList(integration.services?.serviceIds),
      PAGERDUTY_SIMULATOR_PEOPLE: demoList(integration.services?.people),
      PAGERDUTY_SIMULATOR_TICK_MS: "30000",
    }),
    integration: ({ url, secrets }) => ({
      kind: "PAGERDUTY",
      name: "PagerDuty (simulator)",
      config: { baseUrl: url, eventsUrl: url, fromEmail: "admin@acme.example" },
      secrets: { token: secrets.PAGERDUTY_DEMO_TOKEN },
      intervalMinutes: 5,
    }),
    describe: ({ url }) =>
      `${url}  (account acme; integration keys at ${url}/_control/account)`,
  },
  {
    name: "datadog",
    title: "Datadog",
    script: "datadog",
    port: 12115,
    readyPath: "/_control/stats",
    secrets: {
      DATADOG_DEMO_API_KEY: () => randomBytes(16).toString("hex"),
      DATADOG_DEMO_APP_KEY: () => randomBytes(20).toString("hex"),
    },
    env: ({ port, secrets, integration }) => ({
      DATADOG_SIMULATOR_PORT: String(port),
      DATADOG_SIMULATOR_ORG: "acme",
      DATADOG_SIMULATOR_API_KEYS: secrets.DATADOG_DEMO_API_KEY,
      DATADOG_SIMULATOR_APP_KEYS: secrets.DATADOG_DEMO_APP_KEY,
      DATADOG_SIMULATOR_SERVICE_NAMES: demoList(integration.services?.serviceNames),
      DATADOG_SIMULATOR_TICK_MS: "30000",
    }),
    integration: ({ url, secrets }) => ({
      kind: "DATADOG",
      name: "Datadog (simulator)",
      config: { baseUrl: url, incidents: true },
      secrets: { apiKey: secrets.DATADOG_DEMO_API_KEY, appKey: secrets.DATADOG_DEMO_APP_KEY },
      intervalMinutes: 5,
    }),
    describe: ({ url }) => `${url}  (org acme; monitors change state every 30 s)`,
  },
];

/** A list for a simulator's comma-separated setting; "" (unset) keeps the simulator's own default. */
function demoList(values) {
  return (values ?? []).join(",");
}

/** Every demo simulator's generated secrets, for loadSecrets(). */
export function demoSecretGenerators(simulators = DEMO_SIMULATORS) {
  return Object.assign(
    {},
    ...simulators.map((simulator) => simulator.secrets ?? {}),
  );
}

/** `preferred` if nothing listens there, else a port the OS hands out. */
async function freePort(preferred) {
  if (!(await portInUse(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url, timeoutMs, shouldStop) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !shouldStop()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  return false;
}

/** Runs scripts/seed-integrations.ts: creates (or re-points) each integration and queues its first sync. */
async function seedIntegrations({ root, supervisor, env, specs }) {
  let resultLine;
  const { exited } = supervisor.start(
    "seed integrations",
    c.blue("[seed]"),
    "pnpm",
    ["exec", "tsx", "scripts/seed-integrations.ts"],
    {
      env: { ...env, GREENROOM_DEMO_INTEGRATIONS: JSON.stringify(specs) },
      cwd: root,
      oneShot: true,
      onLine: (line) => {
        if (!line.startsWith(SEED_PREFIX)) return false;
        resultLine = line;
        return true;
      },
    },
  );
  const { code, signal } = await exited;
  if (code !== 0 || !resultLine)
    throw new UserError(
      `Seeding the demo integrations failed (${signal ?? `exit code ${code}`}); see the [seed] output above.`,
    );
  return JSON.parse(resultLine.slice(SEED_PREFIX.length));
}

/**
 * Picks ports, seeds the demo org's integrations, then starts every simulator under the
 * supervisor (Ctrl-C stops them with web and worker) and waits until each answers.
 * @returns {Promise<{ rows: [string, string][] }>} banner rows
 */
export async function startDemoSimulators({
  root,
  supervisor,
  env,
  secrets,
  appUrl,
  shouldStop = () => false,
  simulators = DEMO_SIMULATORS,
}) {
  if (simulators.length === 0) return { rows: [] };
  const planned = [];
  for (const simulator of simulators) {
    const port = await freePort(simulator.port);
    planned.push({ simulator, port, url: `http://127.0.0.1:${port}` });
  }
  log.step(
    `Connecting the demo org to the ${planned.map(({ simulator }) => simulator.title).join(", ")} simulator…`,
  );
  const seeded = await seedIntegrations({
    root,
    supervisor,
    env,
    specs: planned.map(({ simulator, url }) => ({
      simulator: simulator.name,
      ...simulator.integration({ url, secrets }),
    })),
  });
  const rows = [];
  for (const { simulator, port, url } of planned) {
    supervisor.start(
      simulator.name,
      c.yellow(`[${simulator.name}]`),
      "pnpm",
      // Silent: pnpm would otherwise report the script's SIGTERM at Ctrl-C as a failure.
      [
        "--reporter=silent",
        "--filter",
        "@greenroom/simulators",
        "run",
        simulator.script,
      ],
      {
        env: {
          ...env,
          ...simulator.env({
            port,
            url,
            appUrl,
            secrets,
            integration: seeded[simulator.name],
          }),
        },
        cwd: root,
      },
    );
    if (
      !(await waitUntilUp(`${url}${simulator.readyPath}`, 60_000, shouldStop))
    ) {
      if (shouldStop()) return { rows };
      throw new UserError(
        `The ${simulator.name} simulator did not answer on ${url} within 60 s; see the [${simulator.name}] output above.`,
      );
    }
    log.ok(`${simulator.title} simulator on ${url}`);
    rows.push([
      `${simulator.title} (simulated)`,
      simulator.describe({ url, port }),
    ]);
  }
  return { rows };
}
