import { OperationsNotFound, TriggerUnavailable } from "@greenroom/operations";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

export const ZEntityRef = z
  .string()
  .trim()
  .min(3)
  .max(400)
  .regex(/^[a-z0-9-_.]+:[a-z0-9-_.]+\/[a-z0-9-_.]+$/i, "An entity ref looks like component:default/payments")
  .transform((ref) => ref.toLowerCase());

export const ZMappableType = z.enum(["pagerduty.service", "datadog.service"]);

/** Domain refusals become the tRPC code the UI shows in words. */
export function operationsProblem(error: unknown): never {
  if (error instanceof OperationsNotFound) throw new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  if (error instanceof TriggerUnavailable) throw new TRPCError({ code: "PRECONDITION_FAILED", message: error.message, cause: error });
  throw error;
}
