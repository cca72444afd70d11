// The order in which `pnpm start` looks for Postgres and Redis (docs: DESIGN.md "Running it").
// Pure: every way of finding a service is an injected probe, so the order is testable without
// touching real services. The real probes live in postgres.mjs, redis.mjs and docker.mjs.
//
// A probe is `() => Promise<Found | Missing>`:
//   Found   = { ok: true, description: string, stop?: () => Promise<void>, ...service fields }
//   Missing = { ok: false, reason: string }   (a thrown error counts as Missing)

/** @typedef {{ ok: true, description: string, stop?: () => Promise<void>, [key: string]: unknown }} Found */
/** @typedef {{ ok: false, reason: string }} Missing */
/** @typedef {() => Promise<Found | Missing>} Probe */
/** @typedef {{ source: string, label: string, probe: Probe }} Step */

/**
 * Runs the steps in order and returns the first service found, or everything that was tried.
 * @param {Step[]} steps
 */
export async function firstFound(steps) {
  /** @type {{ source: string, label: string, reason: string }[]} */
  const tried = [];
  for (const { source, label, probe } of steps) {
    let result;
    try {
      result = await probe();
    } catch (error) {
      result = {
        ok: false,
        reason: error instanceof Error ? error.message : String(error),
      };
    }
    if (result && result.ok) return { ...result, ok: true, source, tried };
    tried.push({ source, label, reason: result?.reason ?? "not found" });
  }
  return { ok: false, tried };
}

/**
 * Postgres: env → a server on 127.0.0.1:5432 → local binaries (cluster in .data/postgres) →
 * docker compose. Found results carry either `adminUrl` (a superuser URL for the bootstrap) or,
 * when DATABASE_URL and DATABASE_OWNER_URL are both given, `appUrl` + `ownerUrl` (no bootstrap).
 *
 * @param {{ env: Record<string, string | undefined>, probes: { defaultPort: Probe, localBinaries: Probe, compose: Probe } }} options
 */
export async function discoverPostgres({ env, probes }) {
  const envStep = {
    source: "env",
    label: "DATABASE_URL + DATABASE_OWNER_URL, or DATABASE_ADMIN_URL",
    probe: async () => {
      if (env.DATABASE_URL && env.DATABASE_OWNER_URL) {
        return {
          ok: true,
          description: "DATABASE_URL / DATABASE_OWNER_URL from the environment",
          appUrl: env.DATABASE_URL,
          ownerUrl: env.DATABASE_OWNER_URL,
        };
      }
      if (env.DATABASE_ADMIN_URL) {
        return {
          ok: true,
          description: "DATABASE_ADMIN_URL from the environment",
          adminUrl: env.DATABASE_ADMIN_URL,
        };
      }
      const partial = env.DATABASE_URL
        ? "DATABASE_URL is set but DATABASE_OWNER_URL is not"
        : env.DATABASE_OWNER_URL
          ? "DATABASE_OWNER_URL is set but DATABASE_URL is not"
          : "not set";
      return { ok: false, reason: partial };
    },
  };
  return firstFound([
    envStep,
    {
      source: "default-port",
      label: "a server on 127.0.0.1:5432",
      probe: probes.defaultPort,
    },
    {
      source: "local",
      label: "local initdb/pg_ctl/postgres binaries",
      probe: probes.localBinaries,
    },
    { source: "compose", label: "docker compose", probe: probes.compose },
  ]);
}

/**
 * Redis: env REDIS_URL → a server answering PING on 127.0.0.1:6379 → a local redis-server
 * started under .data/redis → docker compose. Found results carry `url`.
 *
 * @param {{ env: Record<string, string | undefined>, probes: { defaultPort: Probe, localBinaries: Probe, compose: Probe } }} options
 */
export async function discoverRedis({ env, probes }) {
  return firstFound([
    {
      source: "env",
      label: "REDIS_URL",
      probe: async () =>
        env.REDIS_URL
          ? {
              ok: true,
              description: "REDIS_URL from the environment",
              url: env.REDIS_URL,
            }
          : { ok: false, reason: "not set" },
    },
    {
      source: "default-port",
      label: "a server on 127.0.0.1:6379",
      probe: probes.defaultPort,
    },
    {
      source: "local",
      label: "a local redis-server binary",
      probe: probes.localBinaries,
    },
    { source: "compose", label: "docker compose", probe: probes.compose },
  ]);
}

/**
 * The message printed when a service can't be found: what to install, for which platform, and
 * what each step said.
 * @param {{ postgres?: { tried: { label: string, reason: string }[] }, redis?: { tried: { label: string, reason: string }[] } }} missing
 */
export function installMessage(missing) {
  const pg = Boolean(missing.postgres);
  const redis = Boolean(missing.redis);
  const needs = [pg && "PostgreSQL 15+", redis && "Redis 7+"]
    .filter(Boolean)
    .join(" and ");
  const apt = [pg && "postgresql", redis && "redis-server"]
    .filter(Boolean)
    .join(" ");
  const brew = [pg && "postgresql@16", redis && "redis"]
    .filter(Boolean)
    .join(" ");
  const envVars = [
    pg && "DATABASE_URL/DATABASE_OWNER_URL",
    redis && "REDIS_URL",
  ]
    .filter(Boolean)
    .join(" and ");
  const lines = [
    `Greenroom needs ${needs}. On Debian/Ubuntu: sudo apt-get install ${apt}; on macOS: brew install ${brew}; or install Docker, or set ${envVars}.`,
  ];
  if (pg && !redis) lines.push("(Redis was found.)");
  if (redis && !pg) lines.push("(PostgreSQL was found.)");
  for (const [name, result] of /** @type {const} */ ([
    ["PostgreSQL", missing.postgres],
    ["Redis", missing.redis],
  ])) {
    if (!result) continue;
    lines.push("", `Looked for ${name}:`);
    for (const step of result.tried)
      lines.push(`  - ${step.label}: ${step.reason}`);
  }
  return lines.join("\n");
}
