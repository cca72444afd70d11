import type * as DatadogClientModule from "@datadog/datadog-api-client";
import type { client, v1, v2 } from "@datadog/datadog-api-client";

import type { ConnectorContext } from "../framework/connector";
import { datadogConfig, type DatadogConfig } from "./config";

/**
 * @datadog/datadog-api-client, configured for one step: every request goes through the sync
 * engine's fetch (the SSRF guard runs before each one), with a timeout, and is metered so the
 * connector can report requests and read the rate-limit headers the client itself drops
 * (its ApiException carries the status and body only).
 */

type DatadogModule = typeof DatadogClientModule;

let loading: Promise<DatadogModule> | null = null;

/**
 * The client loads every model of both API versions (about 2.5 s); it is imported on first use so
 * processes that never talk to Datadog (the web app, other connectors' workers) do not pay for it.
 */
export function loadDatadogClient(): Promise<DatadogModule> {
  loading ??= import("@datadog/datadog-api-client").then((module) => {
    // Its logger prints request failures with URLs; the sync engine reports errors itself.
    module.logger.setLevel(module.logger.levels.SILENT);
    return module;
  });
  return loading;
}

const REQUEST_TIMEOUT_MS = 30_000;

export type RateLimitSeen = { name: string | null; limit: number | null; periodSeconds: number | null; resetSeconds: number };

/** What the requests of one step cost and what the last throttled answer said. */
export class Meter {
  requests = 0;
  limited: RateLimitSeen | null = null;

  wrap(inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      this.requests += 1;
      const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      const response = await inner(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
      if (response.status === 429) {
        const number = (name: string): number | null => {
          const value = Number(response.headers.get(name));
          return response.headers.has(name) && Number.isFinite(value) ? value : null;
        };
        const reset = number("x-ratelimit-reset");
        const seen: RateLimitSeen = { name: response.headers.get("x-ratelimit-name"), limit: number("x-ratelimit-limit"), periodSeconds: number("x-ratelimit-period"), resetSeconds: reset ?? number("x-ratelimit-period") ?? 60 };
        // With parallel requests, wait for the latest of the resets seen.
        if (!this.limited || seen.resetSeconds > this.limited.resetSeconds) this.limited = seen;
      }
      return response.ok ? checkedJson(response) : response;
    };
  }
}

/**
 * The client parses bodies leniently: JSON that does not parse is handed on as a string and
 * deserialises to an empty listing, which would end a phase early and look like deletions. A
 * body is therefore parsed once here and a broken one fails the step (retried by the engine).
 */
async function checkedJson(response: Response): Promise<Response> {
  if (!(response.headers.get("content-type") ?? "").includes("json")) return response;
  const text = await response.text();
  try {
    JSON.parse(text);
  } catch {
    throw new Error(`Datadog sent a ${response.status} response whose body is not valid JSON (${text.length} bytes)`);
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}

export type DatadogSession = {
  config: DatadogConfig;
  meter: Meter;
  auth: v1.AuthenticationApi;
  monitors: v1.MonitorsApi;
  slos: v1.ServiceLevelObjectivesApi;
  dashboards: v1.DashboardsApi;
  services: v2.ServiceDefinitionApi;
  incidents: v2.IncidentsApi;
  /** The loaded module, for instanceof checks on its errors. */
  module: DatadogModule;
};

export async function datadogSession(context: ConnectorContext): Promise<DatadogSession> {
  const module = await loadDatadogClient();
  const config = datadogConfig(context.config);
  const meter = new Meter();
  const configuration: client.Configuration = module.client.createConfiguration({
    baseServer: new module.client.BaseServerConfiguration(config.baseUrl.replace(/\/+$/, ""), {}),
    authMethods: { apiKeyAuth: context.secrets.apiKey ?? "", appKeyAuth: context.secrets.appKey ?? "" },
    fetch: meter.wrap(context.fetch),
    // The sync engine owns retries and rate-limit waits (a delayed job, not a sleeping worker).
    enableRetry: false,
  });
  configuration.unstableOperations["v2.listIncidents"] = true;
  return {
    config,
    meter,
    module,
    auth: new module.v1.AuthenticationApi(configuration),
    monitors: new module.v1.MonitorsApi(configuration),
    slos: new module.v1.ServiceLevelObjectivesApi(configuration),
    dashboards: new module.v1.DashboardsApi(configuration),
    services: new module.v2.ServiceDefinitionApi(configuration),
    incidents: new module.v2.IncidentsApi(configuration),
  };
}
