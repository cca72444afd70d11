export { createDatadogSimulator, DEFAULT_DATADOG_API_KEY, DEFAULT_DATADOG_APP_KEY } from "./server";
export type { DatadogSimulator, DatadogSimulatorOptions } from "./server";
export type { DatadogControl } from "./control";
export { seedDatadogOrg, describeSeed } from "./seed";
export type { SeedDatadogOrgOptions } from "./seed";
export { renderDefinitionSchema } from "./service-definitions";
export { DEFAULT_BUDGETS, RATE_LIMIT_FAMILIES } from "./rate-limits";
export type { RateLimitBudget, RateLimitFamily, RateLimitOptions } from "./rate-limits";
export type { DatadogState, TickOptions } from "./state";
export type { DatadogStats } from "./stats";
export type { FaultKind, FaultOptions, ScriptedFault } from "../shared/faults";
export type {
  DatadogDashboard,
  DatadogIncident,
  DatadogMonitor,
  DatadogOrgData,
  DatadogService,
  DatadogSlo,
  IngestedVersion,
  MonitorState,
  SchemaVersion,
} from "./model";
