import { Random } from "../shared/random";
import { incidentTitle } from "./seed";
import type { PagerdutyState } from "./state";

// The account changing over time so a demo looks alive: each tick acknowledges some triggered
// incidents, resolves some acknowledged ones and opens new ones. A tick's dice are seeded by the
// account seed and the tick's number, so the same ticks on the same seed give the same story.

export type TickOutcome = { tick: number; triggered: string[]; acknowledged: string[]; resolved: string[] };

export function tickAccount(state: PagerdutyState): TickOutcome {
  const tick = state.ticks++;
  const random = new Random(`${state.seed}:tick:${tick}`);
  const outcome: TickOutcome = { tick, triggered: [], acknowledged: [], resolved: [] };
  const open = state.openIncidents();
  // Keep the open set near a plausible size: a noisy account resolves faster than it pages.
  const ceiling = Math.max(3, Math.round(state.services.size / 6));

  for (const incident of open.filter((entry) => entry.status === "acknowledged")) {
    if (outcome.resolved.length >= 2) break;
    if (random.chance(open.length > ceiling ? 0.8 : 0.35)) {
      state.resolve(incident);
      outcome.resolved.push(incident.id);
    }
  }
  for (const incident of open.filter((entry) => entry.status === "triggered")) {
    if (outcome.acknowledged.length >= 2) break;
    if (random.chance(0.5)) {
      state.acknowledge(incident);
      outcome.acknowledged.push(incident.id);
    }
  }
  const active = [...state.services.values()].filter((service) => service.baseStatus === "active");
  if (active.length > 0 && open.length - outcome.resolved.length < ceiling && random.chance(0.6)) {
    const service = active[random.skewed(0, active.length - 1, 2.5)]!;
    const incident = state.trigger({ serviceId: service.id, title: incidentTitle(random, service.name), urgency: random.chance(0.7) ? "high" : "low", origin: "tick" });
    outcome.triggered.push(incident.id);
  }
  return outcome;
}
