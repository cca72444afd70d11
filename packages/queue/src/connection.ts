import { Redis, type RedisOptions } from "ioredis";

import { queueEnv } from "./env";

export type RedisRole = "producer" | "worker";

/**
 * Two connection profiles (BullMQ's guidance): web requests fail fast when Redis is down
 * instead of hanging (one retry, two-second command timeout; the offline queue only bridges
 * the first connect); workers wait and reconnect forever, as BullMQ requires.
 */
export function createRedis(role: RedisRole, url = queueEnv().REDIS_URL): Redis {
  const options: RedisOptions =
    role === "producer"
      ? { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2_000, commandTimeout: 2_000 }
      : { maxRetriesPerRequest: null, enableReadyCheck: true };
  const redis = new Redis(url, { ...options, connectionName: `greenroom-${role}` });
  // An unhandled 'error' event would crash the process; the callers see failures on commands.
  redis.on("error", () => undefined);
  return redis;
}

const globalForRedis = globalThis as unknown as { greenroomRedis?: Redis };

/** The process-wide producer connection (rate limits, enqueueing from web requests). */
export function sharedRedis(): Redis {
  globalForRedis.greenroomRedis ??= createRedis("producer");
  return globalForRedis.greenroomRedis;
}

export async function closeSharedRedis(): Promise<void> {
  const redis = globalForRedis.greenroomRedis;
  globalForRedis.greenroomRedis = undefined;
  if (redis) await redis.quit().catch(() => redis.disconnect());
}

export function prefixedKey(...parts: string[]): string {
  return [queueEnv().REDIS_PREFIX, ...parts].join(":");
}

export async function pingRedis(redis: Redis = sharedRedis(), timeoutMs = 1_500): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("Redis did not answer in time")), timeoutMs);
  });
  try {
    const answer = await Promise.race([redis.ping(), timeout]);
    if (answer !== "PONG") throw new Error(`Redis answered ${answer}`);
  } finally {
    clearTimeout(timer);
  }
}
