// Fault injection is shared by every vendor simulator (../shared/faults.ts); what GitHub says
// when a scripted status fault answers is GitHub's own.

export { Faults } from "../shared/faults";
export type { FaultAction, FaultKind, FaultOptions, ScriptedFault } from "../shared/faults";

export const STATUS_MESSAGES: Record<number, string> = {
  500: "Server Error",
  502: "Server Error",
  503: "Service Unavailable",
  504: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
};
