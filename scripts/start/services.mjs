// Steps 3 and 4: find Postgres and Redis with the real probes, in the order from discover.mjs.
import {
  discoverPostgres,
  discoverRedis,
  installMessage,
} from "./discover.mjs";
import { probeComposePostgres, probeComposeRedis } from "./docker.mjs";
import { log, UserError } from "./log.mjs";
import { probeDefaultPostgres, startLocalPostgres } from "./postgres.mjs";
import { probeDefaultRedis, startLocalRedis } from "./redis.mjs";

/** Registers a found service's stop functions and reports where it came from. */
function adopt(name, found, lifecycle) {
  for (const step of found.tried)
    if (step.source !== "env") log.detail(`  ${step.label}: ${step.reason}`);
  if (found.stop) lifecycle.onShutdown(name, found.stop);
  if (found.emergencyStop) lifecycle.onEmergency(found.emergencyStop);
  log.ok(`${name}: ${found.description}`);
}

/**
 * @returns {Promise<{ postgres: { adminUrl?: string, appUrl?: string, ownerUrl?: string, source: string, description: string }, redis: { url: string, source: string, description: string } }>}
 */
export async function findServices({ root, env, lifecycle }) {
  log.step("Looking for PostgreSQL…");
  const postgres = await discoverPostgres({
    env,
    probes: {
      defaultPort: () => probeDefaultPostgres({ root, env }),
      localBinaries: () => startLocalPostgres({ root, log }),
      compose: () => probeComposePostgres({ root, log }),
    },
  });
  if (postgres.ok) adopt("PostgreSQL", postgres, lifecycle);

  // Look for Redis even when Postgres is missing, so the message names everything to install.
  log.step("Looking for Redis…");
  const redis = await discoverRedis({
    env,
    probes: {
      defaultPort: () => probeDefaultRedis(),
      localBinaries: () => startLocalRedis({ root, log }),
      compose: () => probeComposeRedis({ root, log }),
    },
  });
  if (redis.ok) adopt("Redis", redis, lifecycle);

  if (!postgres.ok || !redis.ok) {
    throw new UserError(
      installMessage({
        postgres: postgres.ok ? undefined : postgres,
        redis: redis.ok ? undefined : redis,
      }),
    );
  }
  return {
    postgres: /** @type {any} */ (postgres),
    redis: /** @type {any} */ (redis),
  };
}
