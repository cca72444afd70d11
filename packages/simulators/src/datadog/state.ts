import { hashString } from "./ids";
import { LIVE_MONITOR_STATES, type DatadogMonitor, type DatadogOrgData, type DatadogService, type DatadogSlo, type MonitorState } from "./model";

// The live world behind the API: the seeded org plus a clock that can be moved, and "ticks" that
// change it the way a real org changes between two syncs (monitors flip state, SLIs drift). Ticks
// are deterministic: the same seed and the same number of ticks give the same world.

export type TickOptions = {
  /** Share of monitors that change state per tick (default 0.02). */
  monitorFlipRate?: number;
  /** Largest change of an SLO's budget position per tick (default 0.04 = 4% of its budget). */
  sloDrift?: number;
};

/** A float in [0, 1) from a string key: the same key always gives the same number. */
function unit(key: string): number {
  return hashString(key) / 4294967296;
}

export class DatadogState {
  data: DatadogOrgData;
  /** Added to Date.now(): tests move time forward to pass a rate-limit reset. */
  clockOffsetMs = 0;
  ticks = 0;
  incidentsEnabled: boolean;
  /** What a disabled incidents feature answers (Datadog: 403 or 404 by org setup). */
  incidentsDisabledStatus: 403 | 404;
  private servicesByName = new Map<string, DatadogService>();
  private monitorsById = new Map<number, DatadogMonitor>();
  private slosById = new Map<string, DatadogSlo>();

  constructor(data: DatadogOrgData, options: { incidentsEnabled?: boolean; incidentsDisabledStatus?: 403 | 404 } = {}) {
    this.data = data;
    this.incidentsEnabled = options.incidentsEnabled ?? true;
    this.incidentsDisabledStatus = options.incidentsDisabledStatus ?? 404;
    this.index();
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  load(data: DatadogOrgData): void {
    this.data = data;
    this.ticks = 0;
    this.index();
  }

  private index(): void {
    this.servicesByName = new Map(this.data.services.map((service) => [service.name, service]));
    this.monitorsById = new Map(this.data.monitors.map((monitor) => [monitor.id, monitor]));
    this.slosById = new Map(this.data.slos.map((slo) => [slo.id, slo]));
  }

  service(name: string): DatadogService | undefined {
    return this.servicesByName.get(name);
  }

  monitor(id: number): DatadogMonitor | undefined {
    return this.monitorsById.get(id);
  }

  slo(id: string): DatadogSlo | undefined {
    return this.slosById.get(id);
  }

  setMonitorState(id: number, state: MonitorState): DatadogMonitor {
    const monitor = this.monitorsById.get(id);
    if (!monitor) throw new Error(`no monitor ${id}`);
    if (monitor.state !== state) {
      monitor.state = state;
      monitor.stateModified = this.now();
    }
    return monitor;
  }

  /** Sets where an SLO's SLI sits in its error budget (1 perfect, 0 spent, <0 breached, null no data). */
  setSloBudget(id: string, position: number | null): DatadogSlo {
    const slo = this.slosById.get(id);
    if (!slo) throw new Error(`no SLO ${id}`);
    slo.budgetPosition = position;
    return slo;
  }

  /** Advances the world by `count` ticks; returns how many monitors changed state. */
  tick(count = 1, options: TickOptions = {}): { monitorsChanged: number } {
    const flipRate = options.monitorFlipRate ?? 0.02;
    const drift = options.sloDrift ?? 0.04;
    let monitorsChanged = 0;
    for (let step = 0; step < count; step++) {
      this.ticks += 1;
      const key = `${this.data.seed}:${this.ticks}`;
      const now = this.now();
      for (const monitor of this.data.monitors) {
        if (unit(`${key}:m:${monitor.id}`) >= flipRate) continue;
        // Flipping mostly means recovering to OK or starting to alert, as in a real org.
        const roll = unit(`${key}:s:${monitor.id}`);
        const next: MonitorState = monitor.state === "OK" ? LIVE_MONITOR_STATES[1 + Math.floor(roll * 3)]! : roll < 0.8 ? "OK" : LIVE_MONITOR_STATES[1 + Math.floor(roll * 3) % 3]!;
        if (next === monitor.state) continue;
        monitor.state = next;
        monitor.stateModified = now;
        monitorsChanged += 1;
      }
      for (const slo of this.data.slos) {
        if (slo.budgetPosition === null) continue;
        const change = (unit(`${key}:slo:${slo.id}`) - 0.5) * 2 * drift;
        slo.budgetPosition = Math.max(-1, Math.min(1, Math.round((slo.budgetPosition + change) * 10_000) / 10_000));
      }
    }
    return { monitorsChanged };
  }
}
