import { createHash } from "node:crypto";

import { sharedRedis } from "@greenroom/queue";

import { canonicalJson } from "../canonical-json";
import { CURRENT_GENERATION, GENERATION_TTL_SECONDS, generationKey, tenantCacheKey, type Redis } from "./generation";

// Catalog pages cached in Redis per (tenant, generation, read, normalised input). A hit costs one
// round trip to Redis and no database transaction; a write moves the generation on
// (./generation.ts), so the next read misses and reads the database.

/**
 * How long a cached page lives. Writes retire pages through the generation, not this; it bounds
 * memory, and staleness in the one case the generation cannot cover: a write whose after-commit
 * bump never reached Redis (Redis down at that moment, process killed between commit and bump).
 */
export const CACHED_PAGE_TTL_SECONDS = 300;

/** After Redis fails, reads skip the cache this long instead of waiting on it every time. */
const BYPASS_AFTER_FAILURE_MS = 5_000;

// One round trip: the current generation, and the page stored under it if there is one.
const READ = `${CURRENT_GENERATION}
return { generation, redis.call('GET', ARGV[2] .. generation .. ARGV[3]) }`;

type ReadCommands = { catalogCacheRead(key: string, ttlSeconds: number, prefix: string, suffix: string): Promise<[string, string | null]> };

const defined = new WeakSet<Redis>();

function withRead(redis: Redis): Redis & ReadCommands {
  if (!defined.has(redis)) {
    redis.defineCommand("catalogCacheRead", { numberOfKeys: 1, lua: READ });
    defined.add(redis);
  }
  return redis as Redis & ReadCommands;
}

export type CacheOutcome = "hit" | "miss" | "bypass";

const counters: Record<CacheOutcome, number> = { hit: 0, miss: 0, bypass: 0 };
let bypassUntil = 0;

/** Hits, misses and bypasses (Redis unavailable) of this process, for the benchmark's honesty. */
export function catalogCacheCounters(): Readonly<Record<CacheOutcome, number>> {
  return { ...counters };
}

function digest(input: unknown): string {
  return createHash("sha256").update(canonicalJson(input)).digest("base64url").slice(0, 22);
}

/**
 * Restores what JSON flattened (Dates come back as ISO strings): each read knows its own few
 * date fields, which is much cheaper than a JSON.parse reviver visiting every value.
 */
export type Revive<T> = (value: T) => T;

/**
 * `load()`'s result for this tenant, read, and input: from Redis when this generation has it,
 * else loaded and stored. The generation is read before loading, so a write that commits while
 * we load moves past it and our (possibly older) result is stored where no one will look.
 * Redis trouble never fails a read: it falls through to `load()`.
 */
export function cachedRead<T>(tenantId: string, read: string, input: unknown, load: () => Promise<T>, revive: Revive<T> = (value) => value, redis: Redis = sharedRedis()): Promise<T> {
  return cachedThrough(tenantId, read, input, async () => {
    const value = await load();
    return { value, text: () => JSON.stringify(value) };
  }, revive, redis);
}

/**
 * Like `cachedRead` for a read that Postgres already answers as JSON text (`pageJson`,
 * `facetsJson`, `searchJson`): stored as it came, parsed once for the caller.
 */
export function cachedJsonRead<T>(tenantId: string, read: string, input: unknown, loadJson: () => Promise<string>, revive: Revive<T> = (value) => value, redis: Redis = sharedRedis()): Promise<T> {
  return cachedThrough(tenantId, read, input, async () => {
    const text = await loadJson();
    return { value: revive(JSON.parse(text) as T), text: () => text };
  }, revive, redis);
}

async function cachedThrough<T>(
  tenantId: string,
  read: string,
  input: unknown,
  load: () => Promise<{ value: T; text: () => string }>,
  revive: Revive<T>,
  redis: Redis,
): Promise<T> {
  if (Date.now() < bypassUntil) {
    counters.bypass += 1;
    return (await load()).value;
  }
  const prefix = `${tenantCacheKey(tenantId, "page")}:`;
  const suffix = `:${read}:${digest(input)}`;
  let generation: string;
  try {
    const [current, cached] = await withRead(redis).catalogCacheRead(generationKey(tenantId), GENERATION_TTL_SECONDS, prefix, suffix);
    if (cached !== null) {
      counters.hit += 1;
      return revive(JSON.parse(cached) as T);
    }
    generation = current;
  } catch {
    bypassUntil = Date.now() + BYPASS_AFTER_FAILURE_MS;
    counters.bypass += 1;
    return (await load()).value;
  }
  counters.miss += 1;
  const { value, text } = await load();
  // Not awaited: the caller has its answer; a store that fails only costs the next reader a miss.
  redis.set(`${prefix}${generation}${suffix}`, text(), "EX", CACHED_PAGE_TTL_SECONDS).catch(() => {
    bypassUntil = Date.now() + BYPASS_AFTER_FAILURE_MS;
  });
  return value;
}
