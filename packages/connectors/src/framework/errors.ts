/** Upstream said "not now": the run is delayed until `resetAt`, never failed for it. */
export class RateLimitedError extends Error {
  constructor(
    readonly resetAt: number,
    message: string,
  ) {
    super(message);
  }
}

/** Will not get better by retrying (bad credentials, unknown org): stops the schedule. */
export class PermanentError extends Error {}

/** Worth retrying with backoff (5xx, timeouts, truncated bodies). */
export class TransientError extends Error {}
