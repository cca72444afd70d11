import type { ConnectorContext } from "../framework/connector";
import { PermanentError, RateLimitedError, TransientError } from "../framework/errors";
import { BlockedAddressError } from "../framework/network";

// PagerDuty REST over plain fetch (the context's fetch carries the SSRF guard): the versioned
// Accept header, token auth, `name[]` array parameters, and every failure mapped onto the sync
// engine's three outcomes: delay (429), stop (bad key, no access, bad request), retry (5xx,
// timeouts, cut-off or malformed bodies).

export const ACCEPT = "application/vnd.pagerduty+json;version=2";
const TIMEOUT_MS = 30_000;

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export type PdAnswer<T> = { status: number; headers: Headers; body: T };

export function withQuery(base: string, path: string, query: Query = {}): string {
  const url = new URL(`${base.replace(/\/+$/, "")}${path}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const entry of value as readonly string[]) url.searchParams.append(`${key}[]`, entry);
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

type ErrorBody = { error?: { message?: string; code?: number; errors?: string[] } };

function describeBody(text: string): string {
  try {
    const parsed = JSON.parse(text) as ErrorBody;
    const details = parsed.error?.errors?.filter(Boolean).join("; ");
    return [parsed.error?.message, details].filter(Boolean).join(": ") || text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}

/** Seconds to wait, from `ratelimit-reset` (PagerDuty) or `retry-after`; a minute when neither says. */
export function resetAtFrom(headers: Headers, now = Date.now()): number {
  for (const name of ["ratelimit-reset", "retry-after"]) {
    const seconds = Number(headers.get(name));
    if (headers.get(name) !== null && Number.isFinite(seconds) && seconds >= 0) return now + Math.max(1, seconds) * 1000;
  }
  return now + 60_000;
}

/** Maps a non-2xx answer to the engine's outcomes, in words an admin can act on. */
export function classifyPagerdutyAnswer(status: number, headers: Headers, text: string, what: string, now = Date.now()): Error {
  const detail = describeBody(text);
  if (status === 429) {
    const resetAt = resetAtFrom(headers, now);
    return new RateLimitedError(resetAt, `PagerDuty's rate limit for this API key is spent (429 while ${what}); resuming after ${Math.round((resetAt - now) / 1000)}s`);
  }
  if (status === 401) {
    return new PermanentError("PagerDuty rejected the API key (401 Authentication failed): it is wrong, revoked, or not a REST API key. Create a key under Integrations → API Access Keys in PagerDuty and enter it again.");
  }
  if (status === 403) {
    return new PermanentError(`PagerDuty refused access while ${what} (403 Access Denied${detail ? `: ${detail}` : ""}). Use a general access REST API key (read-only is enough for syncing; triggering incidents needs a full-access key).`);
  }
  if (status === 402) return new PermanentError(`This PagerDuty account's plan does not allow ${what} (402${detail ? `: ${detail}` : ""}).`);
  if (status === 404) return new PermanentError(`PagerDuty answered 404 Not Found while ${what}: check the API URL in the integration's settings (normally https://api.pagerduty.com).`);
  if (status >= 500) return new TransientError(`PagerDuty answered ${status} while ${what}; will retry`);
  if (status === 408) return new TransientError(`PagerDuty timed out while ${what}; will retry`);
  return new PermanentError(`PagerDuty refused the request while ${what} (${status}${detail ? `: ${detail}` : ""}).`);
}

export function classifyNetworkError(error: unknown, what: string): Error {
  if (error instanceof PermanentError || error instanceof RateLimitedError || error instanceof TransientError) return error;
  if (error instanceof BlockedAddressError) return new PermanentError(error.message);
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") return new TransientError(`PagerDuty did not answer within ${TIMEOUT_MS / 1000}s while ${what}; will retry`);
  const message = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error);
  return new TransientError(`Could not reach PagerDuty while ${what}: ${message}`.slice(0, 500));
}

/**
 * One request, answered as parsed JSON or thrown as one of the engine's errors. `expect` lists
 * the statuses the caller handles itself (a POST's 400 with PagerDuty's reasons, say).
 */
export async function pagerdutyRequest<T>(
  context: ConnectorContext,
  request: { url: string; method?: "GET" | "POST"; body?: unknown; headers?: Record<string, string>; what: string; auth?: boolean; expect?: number[] },
): Promise<PdAnswer<T>> {
  const headers: Record<string, string> = { accept: ACCEPT, "content-type": "application/json", ...request.headers };
  if (request.auth !== false) headers.authorization = `Token token=${context.secrets.token ?? ""}`;
  let response: Response;
  let text: string;
  try {
    response = await context.fetch(request.url, {
      method: request.method ?? "GET",
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    throw classifyNetworkError(error, request.what);
  }
  if ((response.status < 200 || response.status >= 300) && !request.expect?.includes(response.status)) {
    throw classifyPagerdutyAnswer(response.status, response.headers, text, request.what);
  }
  try {
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
  } catch {
    throw new TransientError(`PagerDuty sent a malformed response while ${request.what} (not JSON: the page was cut off or an intermediary answered); will retry`);
  }
}
