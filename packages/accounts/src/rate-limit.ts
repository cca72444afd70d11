import type { Redis } from "ioredis";

import { DomainError } from "./errors";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

// Sign-in: 10 attempts per account per 15 minutes stops online guessing; 50 per IP per 15
// minutes leaves room for an office behind one NAT. Sign-up: 10 per IP per hour by default
// (SIGNUP_LIMIT_PER_IP, see env.ts).
export const RATE_LIMITS = {
  signInPerAccount: { name: "signin:account", limit: 10, windowSeconds: 15 * 60 },
  signInPerIp: { name: "signin:ip", limit: 50, windowSeconds: 15 * 60 },
  signUpPerIp: { name: "signup:ip", limit: 10, windowSeconds: 60 * 60 },
  signUpPerAccount: { name: "signup:account", limit: 5, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimiter = {
  /** Counts one attempt; throws TOO_MANY_REQUESTS once the window's budget is spent. */
  consume(rule: RateLimitRule, subject: string): Promise<void>;
  reset(rule: RateLimitRule, subject: string): Promise<void>;
};

/** Fixed-window counters in Redis (INCR + EXPIRE in one MULTI), keyed under the env prefix. */
export function createRateLimiter(redis: Redis, prefix: string): RateLimiter {
  const keyFor = (rule: RateLimitRule, subject: string) => `${prefix}:ratelimit:${rule.name}:${subject.toLowerCase()}`;
  return {
    async consume(rule, subject) {
      const key = keyFor(rule, subject);
      const results = await redis.multi().incr(key).expire(key, rule.windowSeconds, "NX").ttl(key).exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      const ttl = Number(results?.[2]?.[1] ?? rule.windowSeconds);
      if (count > rule.limit) {
        const minutes = Math.max(1, Math.ceil(ttl / 60));
        throw new DomainError(
          "TOO_MANY_REQUESTS",
          `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          undefined,
          ttl,
        );
      }
    },
    async reset(rule, subject) {
      await redis.del(keyFor(rule, subject));
    },
  };
}
