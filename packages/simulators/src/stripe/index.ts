export { startStripeSimulator, DEFAULT_PRICES } from "./server";
export type { StripeSimulator, StripeSimulatorOptions } from "./server";
export { eventPayload, signPayload, SIMULATED_API_VERSION } from "./webhooks";
export type { Delivery, FlushOptions } from "./webhooks";
export { DECLINED_CARD, FAILS_LATER_CARD } from "./billing";
export { parseStripeForm } from "./form";
