// `pnpm start`: from a fresh clone to a running Greenroom (web + worker) with a demo org
// connected to the demo simulators (scripts/start/simulators.mjs).
// Needs only Node ≥ 20.19 and pnpm; finds or starts Postgres and Redis (DESIGN.md "Running it").
//
//   pnpm start                 next dev on PORT (default 3000)
//   pnpm start --prod          next build, then next start (also GREENROOM_MODE=production)
//   pnpm start --port 3001     same as PORT=3001
//
// Plain ESM with Node built-ins only: it runs before `pnpm install`.
import "./start/check-node.mjs"; // first: a clear message on an old Node
import { fileURLToPath } from "node:url";
import util from "node:util"; // not `{ parseArgs }`: a missing named export would fail before check-node runs

import { appEnv, banner, startApps } from "./start/apps.mjs";
import { createLifecycle } from "./start/lifecycle.mjs";
import { log, UserError, writeLine } from "./start/log.mjs";
import { ensureInstalled } from "./start/preflight.mjs";
import {
  createSupervisor,
  portInUse,
  waitForHealth,
} from "./start/processes.mjs";
import { loadSecrets } from "./start/secrets.mjs";
import { findServices } from "./start/services.mjs";
import { runDatabaseSetup } from "./start/setup.mjs";
import {
  DEMO_SIMULATORS,
  demoSecretGenerators,
  startDemoSimulators,
} from "./start/simulators.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const lifecycle = createLifecycle();

const USAGE = `Usage: pnpm start [--prod] [--port <port>]

  --prod          build and serve the production web app (same as GREENROOM_MODE=production)
  --port <port>   port for the web app (same as PORT; default 3000)

Environment: DATABASE_URL + DATABASE_OWNER_URL (use as-is), DATABASE_ADMIN_URL (a superuser URL
to bootstrap with), REDIS_URL, REDIS_PREFIX, DATABASE_OWNER_PASSWORD, DATABASE_APP_PASSWORD,
GREENROOM_DATABASE, GREENROOM_SIMULATORS=off (no demo simulators), WORKER_HEALTH_PORT.`;

function readOptions(argv, env) {
  let values;
  try {
    ({ values } = util.parseArgs({
      args: argv,
      options: {
        prod: { type: "boolean" },
        port: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UserError(`${error.message}\n\n${USAGE}`);
  }
  if (values.help) {
    writeLine(USAGE);
    process.exit(0);
  }
  const port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UserError(`Not a valid port: ${values.port ?? env.PORT}`);
  const timeout = Number(env.GREENROOM_START_TIMEOUT);
  const healthTimeoutS =
    Number.isFinite(timeout) && timeout > 0 ? timeout : 180;
  return {
    port,
    production: Boolean(values.prod) || env.GREENROOM_MODE === "production",
    healthTimeoutMs: healthTimeoutS * 1000,
  };
}

async function main() {
  const options = readOptions(process.argv.slice(2), process.env);
  const { port, production } = options;

  // 1. Dependencies.
  await ensureInstalled(root);
  lifecycle.handleSignals();
  if ((await portInUse(port)) || (await portInUse(port, "::1")))
    throw new UserError(
      `Port ${port} is already in use. Stop whatever is on it, or run: PORT=${port + 1} pnpm start`,
    );

  // 2. Local secrets (.data/secrets.json), the demo simulators' too.
  const simulators =
    process.env.GREENROOM_SIMULATORS === "off" ? [] : DEMO_SIMULATORS;
  const secrets = loadSecrets(
    root,
    process.env,
    demoSecretGenerators(simulators),
  );

  // 3 + 4. PostgreSQL and Redis: env, default port, local binaries, docker compose, else a message.
  const { postgres, redis } = await findServices({
    root,
    env: process.env,
    lifecycle,
  });

  // Registered after the services so it runs before they are stopped.
  const supervisor = createSupervisor({
    onUnexpectedExit: (name, code, signal) =>
      lifecycle.shutdown(
        1,
        `${name} exited unexpectedly (${signal ?? `exit code ${code}`}); stopping everything.`,
      ),
  });
  lifecycle.onShutdown("child processes", () => supervisor.stopAll(10_000));
  lifecycle.onEmergency(() => supervisor.killAllNow());

  // 5. Roles, database, migrations, demo org.
  log.step("Setting up the database…");
  const setup = await runDatabaseSetup({
    root,
    env: process.env,
    postgres,
    redisUrl: redis.url,
    secrets,
    supervisor,
  });

  const env = appEnv({
    env: process.env,
    setup,
    redisUrl: redis.url,
    secrets,
    port,
    production,
  });

  // 6. The demo simulators, with the demo org's integrations pointed at them (first syncs queued).
  const demo = await startDemoSimulators({
    root,
    supervisor,
    env,
    secrets: secrets.values,
    appUrl: `http://localhost:${port}`,
    shouldStop: () => lifecycle.stopping,
    simulators,
  });
  if (lifecycle.stopping) return;

  // 7. Web + worker, then wait for the health check.
  log.step(
    `Starting web (${production ? "next build + next start" : "next dev"}) and worker…`,
  );
  await startApps({ root, supervisor, env, port, production });
  const healthUrl = `http://127.0.0.1:${port}/api/health`;
  const healthy = await waitForHealth({
    url: healthUrl,
    timeoutMs: options.healthTimeoutMs,
    shouldStop: () => lifecycle.stopping,
  });
  if (lifecycle.stopping) return;
  if (!healthy)
    throw new UserError(
      `The web app did not answer ${healthUrl} with 200 within ${options.healthTimeoutMs / 1000} s; see the [web] output above.`,
    );
  writeLine(
    banner({ port, setup, postgres, redis, production, extraRows: demo.rows }),
  );
}

main().catch((error) => {
  if (lifecycle.stopping) return; // already shutting down; that path reports and exits
  lifecycle.shutdown(
    1,
    error instanceof UserError
      ? error.message
      : (error?.stack ?? String(error)),
  );
});
