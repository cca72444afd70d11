export * from "./framework/index";
export { connectorsEnv } from "./env";
export { githubConnector, classifyGithubError, fetchGithubRepo } from "./github/connector";
export { handleGithubWebhook, syncGithubRepo, verifyGithubSignature } from "./github/webhooks";
export type { WebhookAnswer } from "./github/webhooks";
export { pagerdutyConnector, PAGERDUTY_PHASES } from "./pagerduty/connector";
export { triggerPagerdutyIncident } from "./pagerduty/trigger";
export type { TriggerPagerdutyIncidentInput, TriggeredIncident } from "./pagerduty/trigger";
export { driveConnector } from "./pagerduty/drive";
export type { DriveOutcome } from "./pagerduty/drive";
export { datadogConnector } from "./datadog/connector";
export { classifyDatadogError } from "./datadog/errors";
export { datadogAppUrl } from "./datadog/config";
export type { DatadogConfig } from "./datadog/config";

import { githubConnector } from "./github/connector";
import { datadogConnector } from "./datadog/connector";
import { pagerdutyConnector } from "./pagerduty/connector";
import type { SyncOptions } from "./framework/sync";

/** The connectors the worker runs. */
export const CONNECTORS: SyncOptions["connectors"] = { GITHUB: githubConnector, PAGERDUTY: pagerdutyConnector, DATADOG: datadogConnector };
