import type { FaultOptions, Faults, ScriptedFault } from "../shared/faults";
import type { PagerdutyAuth } from "./auth";
import type { PdIncident, PdUrgency } from "./model";
import type { RateLimitOptions, RateLimits } from "./rate-limits";
import { seedPagerdutyAccount, type SeedPagerdutyOptions } from "./seed";
import type { PagerdutyState } from "./state";
import type { PagerdutyStats, PagerdutyStatsRecorder } from "./stats";
import { tickAccount, type TickOutcome } from "./tick";

// What a test, the benchmark or the demo does to the simulated PagerDuty: open and move incidents,
// run ticks, inject faults, and steer rate limits, the listing ceiling and the clock. The same
// operations are reachable over HTTP under /_control (control-routes.ts).

export type ControlDeps = {
  state: PagerdutyState;
  auth: PagerdutyAuth;
  limits: RateLimits;
  faults: Faults;
  stats: PagerdutyStatsRecorder;
  settings: { offsetCap: number };
  ticker: { start(ms: number | null): void; intervalMs: number | null };
};

export type TriggerInput = { service: string; title: string; urgency?: PdUrgency; incidentKey?: string };

export type PagerdutyAccountSummary = {
  subdomain: string;
  tokens: string[];
  readOnlyTokens: string[];
  services: { id: string; name: string; integrationKey: string; escalationPolicyId: string }[];
  /** Emails that POST /incidents accepts in `From` (the first few users). */
  requesterEmails: string[];
  openIncidents: number;
  incidents: number;
  ticks: number;
  tickMs: number | null;
  clock: string;
};

export function createControl(deps: ControlDeps) {
  const { state, auth, limits, faults } = deps;
  const serviceOf = (reference: string) => {
    const service = state.services.get(reference) ?? [...state.services.values()].find((candidate) => candidate.name === reference || candidate.integrationKey === reference);
    if (!service) throw new Error(`no service "${reference}" (give an id, a name or an integration key)`);
    return service;
  };
  const incidentOf = (id: string): PdIncident => {
    const incident = state.incident(id) ?? state.incidents.find((candidate) => String(candidate.number) === id);
    if (!incident) throw new Error(`no incident "${id}"`);
    return incident;
  };

  return {
    setFaults: (options: FaultOptions) => faults.set(options),
    failNext: (rule: ScriptedFault) => faults.failNext(rule),
    clearFaults: () => faults.clear(),
    setRateLimit: (options: RateLimitOptions) => limits.configure(options),
    /** Leaves exactly `remaining` requests in the key's current window. */
    setRemaining: (token: string, remaining: number) => limits.setRemaining(`key:${token}`, remaining),
    setTokenLimit: (token: string, limit: number | null) => limits.setLimit(`key:${token}`, limit),
    resetRateLimits: () => limits.reset(),
    /** Lowers (or restores) the offset + limit ceiling, so a test can hit it with few records. */
    setOffsetCap: (cap: number) => {
      deps.settings.offsetCap = cap;
    },
    advanceClock: (seconds: number) => state.advanceClock(seconds),
    tick: (count = 1): TickOutcome[] => Array.from({ length: count }, () => tickAccount(state)),
    /** Starts (or with null stops) automatic ticks. */
    setTickInterval: (ms: number | null) => deps.ticker.start(ms),
    addToken: (token: string, options: { readOnly?: boolean } = {}) => auth.add(token, options),
    removeToken: (token: string) => auth.remove(token),
    trigger: (input: TriggerInput): PdIncident => state.trigger({ serviceId: serviceOf(input.service).id, title: input.title, urgency: input.urgency, incidentKey: input.incidentKey, origin: "api" }),
    acknowledge: (id: string): PdIncident => {
      const incident = incidentOf(id);
      state.acknowledge(incident);
      return incident;
    },
    resolve: (id: string): PdIncident => {
      const incident = incidentOf(id);
      state.resolve(incident);
      return incident;
    },
    reseed: (options: SeedPagerdutyOptions) => state.load(seedPagerdutyAccount({ now: state.now(), ...options })),
    stats: (): PagerdutyStats => deps.stats.snapshot(),
    resetStats: () => deps.stats.reset(),
    account: (): PagerdutyAccountSummary => ({
      subdomain: state.subdomain,
      tokens: [...auth.tokens],
      readOnlyTokens: [...auth.readOnlyTokens],
      services: [...state.services.values()].map((service) => ({ id: service.id, name: service.name, integrationKey: service.integrationKey, escalationPolicyId: service.policyId })),
      requesterEmails: [...state.users.values()].slice(0, 5).map((user) => user.email),
      openIncidents: state.openIncidents().length,
      incidents: state.incidents.length,
      ticks: state.ticks,
      tickMs: deps.ticker.intervalMs,
      clock: new Date(state.now()).toISOString(),
    }),
  };
}

export type PagerdutyControl = ReturnType<typeof createControl>;
