import type { RequestMeta } from "@greenroom/accounts";

import { env } from "~/env";

type HeaderSource = { get(name: string): string | null };

/** The client's address and agent, for rate limits and the audit log. */
export function requestMeta(headers: HeaderSource): RequestMeta {
  const forwarded = env.TRUST_PROXY ? headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  const ip = forwarded || headers.get("x-real-ip") || null;
  return { ip, userAgent: headers.get("user-agent") };
}
