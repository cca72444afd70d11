export { createRouter, escapeHtml, readBody, redirect, sendHtml, sendJson, startLoopbackServer } from "./http";
export type { RequestContext, Route, RunningServer } from "./http";
export { startStripeSimulator } from "./stripe";
export type { StripeSimulator, StripeSimulatorOptions } from "./stripe";
