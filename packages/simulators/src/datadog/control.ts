import type { Faults, FaultOptions, ScriptedFault } from "../shared/faults";
import type { DatadogKeys } from "./auth";
import type { MonitorState } from "./model";
import type { RateLimitFamily, RateLimitOptions, RateLimits } from "./rate-limits";
import { describeSeed, seedDatadogOrg, type SeedDatadogOrgOptions } from "./seed";
import type { DatadogState, TickOptions } from "./state";
import type { DatadogStats, DatadogStatsRecorder } from "./stats";

// What a test, the benchmark or the demo does to the simulated Datadog: change the world (ticks,
// monitor states, SLO budgets, the incidents feature), inject faults, steer rate limits and the
// clock, manage keys, read request statistics.

export type ControlDeps = { state: DatadogState; keys: DatadogKeys; limits: RateLimits; faults: Faults; stats: DatadogStatsRecorder };

export function createControl(deps: ControlDeps) {
  const { state, keys, limits, faults, stats } = deps;
  return {
    setFaults: (options: FaultOptions): void => faults.set(options),
    /** Scripted faults; kind "secondary" answers 429 with the family's headers (retryAfterSeconds = x-ratelimit-reset). */
    failNext: (rule: ScriptedFault): void => faults.failNext(rule),
    clearFaults: (): void => faults.clear(),

    setRateLimit: (options: RateLimitOptions): void => limits.configure(options),
    setRemaining: (family: RateLimitFamily, remaining: number): void => limits.setRemaining(family, remaining),
    setRateLimitsEnabled(enabled: boolean): void {
      limits.enabled = enabled;
    },
    resetRateLimits: (): void => limits.reset(),
    /** Moves the simulator clock forward (rate-limit periods, state-change times). */
    advanceClock(seconds: number): void {
      state.clockOffsetMs += seconds * 1000;
    },

    tick: (count = 1, options: TickOptions = {}) => state.tick(count, options),
    setMonitorState: (id: number, next: MonitorState) => state.setMonitorState(id, next),
    setSloBudget: (id: string, position: number | null) => state.setSloBudget(id, position),
    setIncidentsEnabled(enabled: boolean, disabledStatus?: 403 | 404): void {
      state.incidentsEnabled = enabled;
      if (disabledStatus) state.incidentsDisabledStatus = disabledStatus;
    },

    addKeys(input: { apiKey?: string; appKey?: string }): void {
      if (input.apiKey) keys.apiKeys.add(input.apiKey);
      if (input.appKey) keys.appKeys.add(input.appKey);
    },
    removeKeys(input: { apiKey?: string; appKey?: string }): void {
      if (input.apiKey) keys.apiKeys.delete(input.apiKey);
      if (input.appKey) keys.appKeys.delete(input.appKey);
    },

    /** Replaces the org with a freshly seeded one (a new world; ticks start again). */
    reseed(options: SeedDatadogOrgOptions): void {
      state.load(seedDatadogOrg({ appUrl: state.data.appUrl, ...options }));
    },
    summary: () => ({ ...describeSeed(state.data), ticks: state.ticks, incidentsEnabled: state.incidentsEnabled }),

    stats: (): DatadogStats => stats.snapshot(),
    resetStats: (): void => stats.reset(),
  };
}

export type DatadogControl = ReturnType<typeof createControl>;
