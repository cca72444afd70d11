import { PermanentError, RateLimitedError, TransientError } from "../framework/errors";
import { BlockedAddressError } from "../framework/network";
import type { Meter } from "./client";

/** The client's ApiException: a status code and the (deserialised) error body, no headers. */
type ApiExceptionLike = { code: number; body: unknown; message?: string };

function isApiException(error: unknown): error is ApiExceptionLike {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "number" && "body" in error;
}

/** Datadog's APIErrorResponse messages, for the error text (never secrets: Datadog does not echo keys). */
function details(body: unknown): string {
  const errors = typeof body === "object" && body !== null ? (body as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return "";
  const text = errors.filter((entry): entry is string => typeof entry === "string").join("; ");
  return text ? `: ${text.slice(0, 200)}` : "";
}

/**
 * Maps a failed Datadog call onto the engine's three outcomes: wait (429, until x-ratelimit-reset),
 * stop (403/401 keys, 404/3xx wrong site, 400), retry (5xx, timeouts, cut-off or malformed bodies).
 * `what` names what was being read ("monitors") so the message says where it broke.
 */
export function classifyDatadogError(error: unknown, meter: Meter, what: string, now = Date.now()): Error {
  if (error instanceof PermanentError || error instanceof RateLimitedError || error instanceof TransientError) return error;
  if (error instanceof BlockedAddressError) return new PermanentError(error.message);
  if (isApiException(error)) {
    const { code } = error;
    if (code === 429) {
      const seen = meter.limited;
      const resetSeconds = seen?.resetSeconds ?? 60;
      const budget = seen?.limit && seen.periodSeconds ? ` of ${seen.limit} requests per ${seen.periodSeconds}s` : "";
      return new RateLimitedError(now + resetSeconds * 1000, `Datadog's rate limit${seen?.name ? ` "${seen.name}"` : ""}${budget} is spent while reading ${what}; resuming in ${resetSeconds}s`);
    }
    if (code === 401 || code === 403) {
      return new PermanentError(
        `Datadog refused the keys while reading ${what} (${code}${details(error.body)}). Check that the API key and the application key are valid for this Datadog site and that the application key may read ${what}.`,
      );
    }
    if (code === 404) return new PermanentError(`Datadog has no ${what} endpoint at this address (404). Check the Datadog site or base URL.`);
    if (code >= 300 && code < 400) return new PermanentError(`Datadog answered ${code} (a redirect) for ${what}. Check the Datadog site or base URL.`);
    if (code >= 500) return new TransientError(`Datadog answered ${code} while reading ${what}; will retry`);
    return new PermanentError(`Datadog refused the request for ${what} (${code}${details(error.body)})`);
  }
  const message = error instanceof Error ? (error.name === "TimeoutError" ? "the request timed out" : error.message) : String(error);
  // Network failures, timeouts, truncated bodies and JSON that does not parse.
  return new TransientError(`Reading ${what} from Datadog failed: ${message}`.slice(0, 500));
}

/** True when the error is an HTTP answer with one of these statuses (not yet classified). */
export function hasStatus(error: unknown, ...statuses: number[]): boolean {
  return isApiException(error) && statuses.includes(error.code);
}
