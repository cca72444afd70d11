import { onCatalogCommitted } from "@greenroom/db";
import { prefixedKey, sharedRedis } from "@greenroom/queue";

// A tenant's catalog generation: a number in Redis that every committed catalog write moves
// forward. Cached reads are stored under the generation they were read at, so a write retires
// every cached page of its tenant at once, without finding or deleting them.
//
// Generations start from the clock (milliseconds) and only grow: a generation key that expired
// or was evicted restarts above every generation handed out before, so an old cached page can
// never be mistaken for a current one.

/** A generation key outlives its cached pages many times over; renewed by every write. */
export const GENERATION_TTL_SECONDS = 24 * 60 * 60;

/** `{tenant}` is a Redis Cluster hash tag: a tenant's generation and pages share a slot. */
export function tenantCacheKey(tenantId: string, ...parts: string[]): string {
  return prefixedKey("catalog-cache", `{${tenantId}}`, ...parts);
}

export const generationKey = (tenantId: string) => tenantCacheKey(tenantId, "generation");

export type Redis = ReturnType<typeof sharedRedis>;

const BUMP = `
local now = redis.call('TIME')
local clock = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local generation = string.format('%.0f', math.max(current + 1, clock))
redis.call('SET', KEYS[1], generation, 'EX', ARGV[1])
return generation`;

/** The read side's first look at a tenant: the current generation, started from the clock if missing. */
export const CURRENT_GENERATION = `
local generation = redis.call('GET', KEYS[1])
if not generation then
  local now = redis.call('TIME')
  generation = string.format('%.0f', tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000))
  if not redis.call('SET', KEYS[1], generation, 'NX', 'EX', ARGV[1]) then generation = redis.call('GET', KEYS[1]) end
end`;

type GenerationCommands = { catalogGenerationBump(key: string, ttlSeconds: number): Promise<string> };

const defined = new WeakSet<Redis>();

function withBump(redis: Redis): Redis & GenerationCommands {
  if (!defined.has(redis)) {
    redis.defineCommand("catalogGenerationBump", { numberOfKeys: 1, lua: BUMP });
    defined.add(redis);
  }
  return redis as Redis & GenerationCommands;
}

/** Moves the tenant's catalog generation forward: every page cached before is retired. */
export async function bumpCatalogGeneration(tenantId: string, redis: Redis = sharedRedis()): Promise<void> {
  await withBump(redis).catalogGenerationBump(generationKey(tenantId), GENERATION_TTL_SECONDS);
}

// Every committed catalog write of this process bumps its tenant's generation (packages/db calls
// this after commit for whichever repository wrote). Importing the engine or the reads registers it.
onCatalogCommitted("catalog-read-cache", (tenantId) => bumpCatalogGeneration(tenantId));
