import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";

import type { ConnectorContext } from "../framework/connector";
import { PermanentError, TransientError } from "../framework/errors";
import { configSchemas, type GithubConfig } from "../framework/integrations";
import { clearTokenCaches, credentialKey, oneMintAtATime, tokenCacheFor } from "./app-tokens";

// Octokit for one integration: a fine-grained token, or a GitHub App installation (found from the
// organization unless configured). Installation tokens live an hour: @octokit/auth-app mints
// them into the process-wide cache of app-tokens.ts, which replaces them before they expire, and
// a 401 to a token we still held mints a new one at once.

// Octokit's own console logging could print request details; the engine reports errors itself.
const SILENT = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const INSTALLATION_LOOKUP_TTL_MS = 10 * 60_000;
const ACCESS_TOKENS = /\/app\/installations\/(\d+)\/access_tokens$/;
const APP_ROUTE = /\/app\/installations\/[^/]+\/access_tokens$|\/orgs\/[^/]+\/installation$/;

type AppCredentials = { method: "app"; appId: string; privateKey: string; installationId: number | null };
export type GithubCredentials = { method: "token"; token: string } | AppCredentials;

const installationLookups = new Map<string, { id: number; at: number }>();

function credentialKeyOf(config: GithubConfig, credentials: AppCredentials): string {
  return credentialKey(baseUrlOf(config), credentials.appId, credentials.privateKey);
}

/** Which credentials the integration uses, checked against its config's authMethod. */
export function githubCredentials(config: GithubConfig, secrets: Record<string, string>): GithubCredentials {
  if (config.authMethod === "app") {
    if (!secrets.appId || !secrets.privateKey) throw new PermanentError("This integration is set to use a GitHub App, but its App ID and private key are missing. Enter them again.");
    return { method: "app", appId: secrets.appId, privateKey: secrets.privateKey, installationId: secrets.installationId ? Number(secrets.installationId) : null };
  }
  if (!secrets.token) throw new PermanentError("This integration is set to use a token, but none is stored. Enter a fine-grained token.");
  return { method: "token", token: secrets.token };
}

function baseUrlOf(config: GithubConfig): string {
  return config.baseUrl.replace(/\/+$/, "");
}

type Failure = { status?: number; message?: string; request?: { url?: string } };

/** What an App-level failure (JWT, installation lookup, token minting) means, in words. */
function appAuthProblem(error: unknown, config: GithubConfig, credentials: AppCredentials): Error | null {
  const failure = error as Failure;
  const url = failure.request?.url ?? "";
  const minting = ACCESS_TOKENS.exec(url);
  const lookup = /\/orgs\/[^/]+\/installation$/.test(url);
  if (!minting && !lookup) return null;
  if (failure.status === 401) return new PermanentError(`GitHub rejected the GitHub App's credentials (401: ${failure.message ?? "bad JWT"}). Check the App ID and private key.`);
  if (lookup && failure.status === 404) return new PermanentError(`The GitHub App ${credentials.appId} is not installed on the organization "${config.org}". Install it there, or give the installation ID.`);
  if (minting && failure.status === 404) {
    // An installation id we looked up may be stale (uninstalled and installed again): look again.
    if (!credentials.installationId) return new TransientError(`GitHub App installation ${minting[1]} no longer exists; will look the installation up again`);
    return new PermanentError(`GitHub App installation ${minting[1]} was not found: the App was uninstalled or the installation ID is wrong.`);
  }
  if (minting && failure.status === 403) return new PermanentError(`GitHub refused an installation token for installation ${minting[1]} (403: ${failure.message ?? "forbidden"}). The installation may be suspended.`);
  return null;
}

function appOctokit(config: GithubConfig, context: ConnectorContext, credentials: AppCredentials, installationId?: number): Octokit {
  return new Octokit({
    baseUrl: baseUrlOf(config),
    authStrategy: createAppAuth,
    auth: { appId: credentials.appId, privateKey: credentials.privateKey, ...(installationId ? { installationId } : {}), cache: tokenCacheFor(credentialKeyOf(config, credentials)) },
    request: { fetch: context.fetch, timeout: 30_000 },
    log: SILENT,
  });
}

/** The App's installation on the configured organization (one request per process and 10 minutes). */
async function installationFor(config: GithubConfig, context: ConnectorContext, credentials: AppCredentials): Promise<number> {
  if (credentials.installationId) return credentials.installationId;
  const key = `${credentialKeyOf(config, credentials)}|${config.org.toLowerCase()}`;
  const known = installationLookups.get(key);
  if (known && Date.now() - known.at < INSTALLATION_LOOKUP_TTL_MS) return known.id;
  try {
    const { data } = await appOctokit(config, context, credentials).request("GET /orgs/{org}/installation", { org: config.org });
    installationLookups.set(key, { id: data.id, at: Date.now() });
    return data.id;
  } catch (error) {
    throw appAuthProblem(error, config, credentials) ?? error;
  }
}

/** An Octokit authenticated as the integration says (token, or App installation). */
export async function githubClient(context: ConnectorContext): Promise<Octokit> {
  const config = configSchemas.GITHUB.parse(context.config);
  const credentials = githubCredentials(config, context.secrets);
  if (credentials.method === "token") {
    return new Octokit({ baseUrl: baseUrlOf(config), auth: credentials.token, request: { fetch: context.fetch, timeout: 30_000 }, log: SILENT });
  }
  const installationId = await installationFor(config, context, credentials);
  const octokit = appOctokit(config, context, credentials, installationId);
  const cache = tokenCacheFor(credentialKeyOf(config, credentials));
  // Registered after auth-app's own hook, so it wraps it. A request that will mint a token waits
  // for any other mint of this installation (see app-tokens.ts); a 401 to a token we still held
  // (revoked, or expired early by GitHub's clock) gets one retry with a freshly minted token.
  octokit.hook.wrap("request", async (request, options) => {
    // auth-app's own App-authenticated calls (the mint itself) pass through this hook too.
    if (APP_ROUTE.test(String(options.url))) return request(options);
    const send = async () => (cache.holds(installationId) ? request(options) : oneMintAtATime(installationId, async () => request(options)));
    const started = Date.now();
    try {
      return await send();
    } catch (error) {
      const problem = appAuthProblem(error, config, credentials);
      if (problem) {
        if (problem instanceof TransientError) installationLookups.clear();
        throw problem;
      }
      if ((error as Failure).status !== 401) throw error;
      cache.forget(installationId, started);
      try {
        return await send();
      } catch (retryError) {
        throw appAuthProblem(retryError, config, credentials) ?? retryError;
      }
    }
  });
  return octokit;
}

/** Forgets cached installation tokens and lookups (tests that rotate an App's installations). */
export function resetGithubAppCaches(): void {
  clearTokenCaches();
  installationLookups.clear();
}
