import type { IncomingMessage, ServerResponse } from "node:http";

import { Faults, type FaultOptions } from "../shared/faults";
import { startLoopbackServer } from "../http";
import { DEFAULT_PAGERDUTY_READ_ONLY_TOKEN, DEFAULT_PAGERDUTY_TOKEN, PagerdutyAuth } from "./auth";
import { createControl, type PagerdutyControl } from "./control";
import { createControlHandler } from "./control-routes";
import type { PagerdutyAccountData } from "./model";
import { createPipeline } from "./pipeline";
import { RateLimits, type RateLimitOptions } from "./rate-limits";
import { directoryRoutes } from "./rest-directory";
import { incidentRoutes } from "./rest-incidents";
import { seedPagerdutyAccount, type SeedPagerdutyOptions } from "./seed";
import { PagerdutyState } from "./state";
import { PagerdutyStatsRecorder } from "./stats";
import { tickAccount } from "./tick";

// createPagerdutySimulator: PagerDuty's REST API v2 (the listings a portal syncs, POST /incidents)
// and the Events API v2 (POST /v2/enqueue) for one seeded account on 127.0.0.1, with the
// per-key rate limit, the 10,000-record listing ceiling, fault injection and a clock. Point a
// client's REST base URL and events URL both at `url`.

export type PagerdutySimulatorOptions = {
  /** Default 0: a random free port. */
  port?: number;
  /** The account to serve, or options to seed one (default: 30 services). */
  account?: PagerdutyAccountData;
  seed?: SeedPagerdutyOptions;
  /** Full-access API keys. Default: [DEFAULT_PAGERDUTY_TOKEN]. */
  tokens?: string[];
  /** Read-only API keys (403 on writes). Default: [DEFAULT_PAGERDUTY_READ_ONLY_TOKEN]. */
  readOnlyTokens?: string[];
  rateLimit?: RateLimitOptions;
  faults?: FaultOptions;
  /** offset + limit ceiling of every listing (PagerDuty: 10,000). */
  offsetCap?: number;
  /** Freeze the clock at this time (epoch ms); default: real time. `control.advanceClock` moves either. */
  now?: number;
  /** When set, the account changes every tickMs (incidents triggered, acknowledged, resolved). */
  tickMs?: number;
};

export type PagerdutySimulator = {
  url: string;
  port: number;
  /** The live data: read it in tests; change it through `control`. */
  state: PagerdutyState;
  control: PagerdutyControl;
  tokens: string[];
  readOnlyTokens: string[];
  close(): Promise<void>;
};

export async function createPagerdutySimulator(options: PagerdutySimulatorOptions = {}): Promise<PagerdutySimulator> {
  const data = options.account ?? seedPagerdutyAccount({ ...(options.now !== undefined ? { now: options.now } : {}), ...options.seed });
  const state = new PagerdutyState(data, options.now !== undefined ? { now: options.now } : {});
  const auth = new PagerdutyAuth(options.tokens ?? [DEFAULT_PAGERDUTY_TOKEN], options.readOnlyTokens ?? [DEFAULT_PAGERDUTY_READ_ONLY_TOKEN]);
  const limits = new RateLimits(options.rateLimit ?? {}, () => state.now());
  const faults = new Faults(options.faults);
  const stats = new PagerdutyStatsRecorder();
  const settings = { offsetCap: options.offsetCap ?? 10_000 };
  let timer: NodeJS.Timeout | null = null;
  const ticker = {
    intervalMs: null as number | null,
    start(ms: number | null) {
      if (timer) clearInterval(timer);
      timer = null;
      ticker.intervalMs = ms;
      if (ms !== null && ms > 0) {
        timer = setInterval(() => tickAccount(state), ms);
        // A forgotten ticker must not keep a test process alive.
        timer.unref();
      }
    },
  };
  let baseUrl = "http://127.0.0.1";
  const control = createControl({ state, auth, limits, faults, stats, settings, ticker });
  const controlHandler = createControlHandler(control);
  const api = createPipeline([...directoryRoutes, ...incidentRoutes], { state, auth, limits, faults, stats, baseUrl: () => baseUrl, offsetCap: () => settings.offsetCap });

  const server = await startLoopbackServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path.startsWith("/_control")) return controlHandler(req, res, path);
    return api(req, res);
  }, options.port ?? 0);
  baseUrl = server.url;
  if (options.tickMs) ticker.start(options.tickMs);

  return {
    url: server.url,
    port: server.port,
    state,
    control,
    tokens: [...auth.tokens],
    readOnlyTokens: [...auth.readOnlyTokens],
    close: async () => {
      ticker.start(null);
      await server.close();
    },
  };
}
