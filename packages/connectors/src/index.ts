export * from "./framework/index";
export { connectorsEnv } from "./env";
export { githubConnector, classifyGithubError, fetchGithubRepo } from "./github/connector";
export { handleGithubWebhook, syncGithubRepo, verifyGithubSignature } from "./github/webhooks";
export type { WebhookAnswer } from "./github/webhooks";

import { githubConnector } from "./github/connector";
import type { SyncOptions } from "./framework/sync";

/** The connectors the worker runs. */
export const CONNECTORS: SyncOptions["connectors"] = { GITHUB: githubConnector };
