import type { RequestMeta } from "@greenroom/accounts";

import { env } from "~/env";

type HeaderSource = { get(name: string): string | null };

/**
 * The client's address and agent, for rate limits and the audit log. Next's own server appends
 * the socket's address to X-Forwarded-For, so that last entry is always true; the first entry
 * is the real client only when a proxy we run (ingress, load balancer) wrote it: TRUST_PROXY.
 */
export function requestMeta(headers: HeaderSource): RequestMeta {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const ip = (env.TRUST_PROXY ? chain[0] : chain.at(-1)) ?? headers.get("x-real-ip") ?? null;
  return { ip: ip?.replace(/^::ffff:/, "") ?? null, userAgent: headers.get("user-agent") };
}
