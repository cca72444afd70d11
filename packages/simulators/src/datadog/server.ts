import type { IncomingMessage, ServerResponse } from "node:http";
import { startLoopbackServer } from "../http";
import { Faults, type FaultOptions } from "../shared/faults";
import { DatadogKeys, DEFAULT_DATADOG_API_KEY, DEFAULT_DATADOG_APP_KEY } from "./auth";
import { createControl, type DatadogControl } from "./control";
import { createControlHandler } from "./control-routes";
import type { DatadogOrgData } from "./model";
import { createPipeline } from "./pipeline";
import { RateLimits, type RateLimitOptions } from "./rate-limits";
import { monitorRoutes } from "./routes-monitors";
import { otherRoutes } from "./routes-other";
import { serviceRoutes } from "./routes-services";
import { seedDatadogOrg, type SeedDatadogOrgOptions } from "./seed";
import { DatadogState, type TickOptions } from "./state";
import { DatadogStatsRecorder } from "./stats";

// createDatadogSimulator: the Datadog API a Greenroom sync reads (service definitions, monitors,
// SLOs and their history, dashboards, incidents, key validation) for one seeded org on
// 127.0.0.1, with per-family rate limits, fault injection and a world that changes over time.
// Point @datadog/datadog-api-client at `url` with `new client.BaseServerConfiguration(url, {})`.

export { DEFAULT_DATADOG_API_KEY, DEFAULT_DATADOG_APP_KEY };

export type DatadogSimulatorOptions = {
  /** Default 0: a random free port. */
  port?: number;
  /** The org to serve, or `seed` options for one (default: a 30-service "acme"). */
  org?: DatadogOrgData;
  seed?: SeedDatadogOrgOptions;
  /** Accepted DD-API-KEY values. Default [DEFAULT_DATADOG_API_KEY]. */
  apiKeys?: string[];
  /** Accepted DD-APPLICATION-KEY values. Default [DEFAULT_DATADOG_APP_KEY]. */
  appKeys?: string[];
  /** Per-family budgets (see rate-limits.ts), or false to never answer 429 on its own. */
  rateLimits?: RateLimitOptions | false;
  faults?: FaultOptions;
  /** Incident Management on (default) or off; off answers `incidentsDisabledStatus` (default 404). */
  incidentsEnabled?: boolean;
  incidentsDisabledStatus?: 403 | 404;
  /** Advance the world every tickMs (monitor states flip, SLIs drift); off by default. */
  tickMs?: number;
  tick?: TickOptions;
};

export type DatadogSimulator = {
  url: string;
  port: number;
  /** The live data: read it in tests, change it through `control`. */
  state: DatadogState;
  control: DatadogControl;
  apiKey: string;
  appKey: string;
  close(): Promise<void>;
};

export async function createDatadogSimulator(options: DatadogSimulatorOptions = {}): Promise<DatadogSimulator> {
  const state = new DatadogState(options.org ?? seedDatadogOrg(options.seed ?? {}), {
    incidentsEnabled: options.incidentsEnabled,
    incidentsDisabledStatus: options.incidentsDisabledStatus,
  });
  const keys = new DatadogKeys(options.apiKeys ?? [DEFAULT_DATADOG_API_KEY], options.appKeys ?? [DEFAULT_DATADOG_APP_KEY]);
  const limits = new RateLimits(options.rateLimits, () => state.now());
  const faults = new Faults(options.faults);
  const stats = new DatadogStatsRecorder();
  const control = createControl({ state, keys, limits, faults, stats });
  const controlHandler = createControlHandler(control, keys);
  const api = createPipeline([...serviceRoutes, ...monitorRoutes, ...otherRoutes], { state, keys, limits, faults, stats });

  const server = await startLoopbackServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path.startsWith("/_control")) return controlHandler(req, res, path);
    return api(req, res);
  }, options.port ?? 0);

  const timer = options.tickMs && options.tickMs > 0 ? setInterval(() => state.tick(1, options.tick), options.tickMs) : null;
  timer?.unref();

  return {
    url: server.url,
    port: server.port,
    state,
    control,
    apiKey: [...keys.apiKeys][0] ?? DEFAULT_DATADOG_API_KEY,
    appKey: [...keys.appKeys][0] ?? DEFAULT_DATADOG_APP_KEY,
    close: async () => {
      if (timer) clearInterval(timer);
      await server.close();
    },
  };
}
