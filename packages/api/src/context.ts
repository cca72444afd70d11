import { createRateLimiter, type RateLimiter, type RequestMeta } from "@greenroom/accounts";
import { queueEnv, sharedRedis } from "@greenroom/queue";

export type SessionUser = { userId: string; email: string; name: string };

export type Context = {
  session: SessionUser | null;
  meta: RequestMeta;
  limiter: RateLimiter;
};

export function createContext(input: { session: SessionUser | null; meta: RequestMeta }): Context {
  return { ...input, limiter: createRateLimiter(sharedRedis(), queueEnv().REDIS_PREFIX) };
}
