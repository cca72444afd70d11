import { withGlobal } from "@greenroom/db";

import { verifyAgainstNothing, verifyPassword } from "./password";
import { RATE_LIMITS, type RateLimiter } from "./rate-limit";

export type AuthenticatedUser = { id: string; email: string; name: string };

/**
 * Email + password sign-in. Returns null for every kind of failure (unknown email, no password
 * set, wrong password) after the same amount of work, so the answer reveals nothing.
 * Throws TOO_MANY_REQUESTS when the IP or the account has used up its attempts.
 */
export async function authenticate(
  credentials: { email: string; password: string },
  limiter: RateLimiter,
  ip: string | null,
): Promise<AuthenticatedUser | null> {
  const email = credentials.email.trim().toLowerCase();
  await limiter.consume(RATE_LIMITS.signInPerIp, ip ?? "unknown");
  await limiter.consume(RATE_LIMITS.signInPerAccount, email);

  const user = await withGlobal((db) => db.users.findByEmail(email));
  const ok = user?.passwordHash
    ? await verifyPassword(user.passwordHash, credentials.password)
    : await verifyAgainstNothing(credentials.password);
  if (!user || !ok) return null;

  await limiter.reset(RATE_LIMITS.signInPerAccount, email);
  return { id: user.id, email: user.email, name: user.name };
}
