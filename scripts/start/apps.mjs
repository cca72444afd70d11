// Step 6: the web app and the worker, with the environment they run under.
import { c, UserError, useColor } from "./log.mjs";

/**
 * Everything web and worker need. The superuser URL is deliberately not passed on: the apps log
 * in as greenroom_app (DATABASE_URL) and run migrations as greenroom_owner (DATABASE_OWNER_URL).
 */
export function appEnv({ env, setup, redisUrl, secrets, port, production }) {
  const appUrl = `http://localhost:${port}`;
  const next = {
    ...env,
    DATABASE_URL: setup.appUrl,
    DATABASE_OWNER_URL: setup.ownerUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: env.REDIS_PREFIX || "greenroom",
    AUTH_SECRET: secrets.authSecret,
    NEXTAUTH_SECRET: secrets.authSecret,
    INTEGRATIONS_ENCRYPTION_KEY: secrets.integrationsKey,
    // The demo simulators listen on loopback, which the SSRF guard refuses unless told otherwise.
    INTEGRATIONS_ALLOW_PRIVATE_NETWORKS:
      env.INTEGRATIONS_ALLOW_PRIVATE_NETWORKS || "true",
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    PORT: String(port),
    NODE_ENV: production ? "production" : "development",
  };
  delete next.DATABASE_ADMIN_URL;
  if (useColor && !env.NO_COLOR && !env.FORCE_COLOR) next.FORCE_COLOR = "1"; // children see a pipe, not our TTY
  return next;
}

const pnpmIn = (pkg, ...command) => ["--filter", pkg, "exec", ...command];

/** Starts web (next dev, or next build + next start) and the worker under the supervisor. */
export async function startApps({ root, supervisor, env, port, production }) {
  const web = c.cyan("[web]");
  if (production) {
    const build = supervisor.start(
      "web build",
      web,
      "pnpm",
      pnpmIn("@greenroom/web", "next", "build"),
      { env, cwd: root, oneShot: true },
    );
    const { code, signal } = await build.exited;
    if (code !== 0)
      throw new UserError(
        `next build failed (${signal ?? `exit code ${code}`}); see the [web] output above.`,
      );
  }
  supervisor.start(
    "web",
    web,
    "pnpm",
    pnpmIn(
      "@greenroom/web",
      "next",
      production ? "start" : "dev",
      "--port",
      String(port),
    ),
    { env, cwd: root },
  );
  supervisor.start(
    "worker",
    c.magenta("[worker]"),
    "pnpm",
    pnpmIn("@greenroom/worker", "tsx", "src/main.ts"),
    { env, cwd: root },
  );
}

/** The "it's up" banner. */
export function banner({
  port,
  setup,
  postgres,
  redis,
  production,
  extraRows = [],
}) {
  const url = `http://localhost:${port}`;
  const rows = [
    ["App", url],
    ["Demo org", `${url}/${setup.demo.org || "acme"}`],
    ["Log in as", `${setup.demo.email}  /  ${setup.demo.password}`],
    ...(setup.apiToken ? [["API token", setup.apiToken]] : []),
    [
      "Mode",
      production
        ? "production (next build + next start)"
        : "development (next dev)",
    ],
    ["PostgreSQL", postgres.description],
    ["Redis", redis.description],
    ...extraRows,
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    "",
    c.green(c.bold("  Greenroom is running")),
    "",
    ...rows.map(
      ([label, value]) =>
        `  ${c.dim(label.padEnd(width))}  ${label === "App" ? c.bold(c.cyan(value)) : value}`,
    ),
    "",
    c.dim(
      "  Ctrl-C stops web, worker, the simulators and any database we started.",
    ),
    "",
  ].join("\n");
}
