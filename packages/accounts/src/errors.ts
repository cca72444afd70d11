export type DomainErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS" | "UNAUTHORIZED";

/**
 * A rule of the domain was broken. `field` names the input field to blame so forms can show the
 * message beside it; the API layer maps `code` onto its own error codes.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
