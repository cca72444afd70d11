export type BillingErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "PAYMENT_REQUIRED" | "PRECONDITION_FAILED";

/**
 * A billing rule was broken. Shaped like accounts' DomainError (the API maps both onto tRPC
 * codes) but defined here so that accounts can depend on billing and not the other way round.
 */
export class BillingError extends Error {
  constructor(
    readonly code: BillingErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "BillingError";
  }
}
