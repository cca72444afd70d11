import type { PdLayer, PdPolicy, PdSchedule } from "./model";

// Who is on call, computed from the schedules' rotations and the simulator clock, the way
// PagerDuty renders a final schedule: in each layer users take turns of a fixed length counted
// from the rotation's virtual start, and where layers overlap the later (higher) layer wins.

export type Shift = { userId: string; start: number; end: number };

export type OncallEntry = {
  policyId: string;
  level: number;
  userId: string;
  /** null for a user targeted directly by the escalation rule: always on call. */
  scheduleId: string | null;
  start: number | null;
  end: number | null;
};

/** Turns enumerated per layer and query, at most: a runaway range is a caller's mistake. */
const MAX_TURNS = 5_000;

function layerShifts(layer: PdLayer, since: number, until: number): Shift[] {
  const from = Math.max(since, layer.start);
  const to = Math.min(until, layer.end ?? Number.POSITIVE_INFINITY);
  if (from >= to || layer.userIds.length === 0) return [];
  const turn = layer.turnSeconds * 1000;
  const first = Math.floor((from - layer.rotationVirtualStart) / turn);
  const last = Math.floor((to - 1 - layer.rotationVirtualStart) / turn);
  if (last - first > MAX_TURNS) throw new RangeError("on-call range too long");
  const shifts: Shift[] = [];
  for (let index = first; index <= last; index++) {
    const count = layer.userIds.length;
    const userId = layer.userIds[((index % count) + count) % count]!;
    const start = Math.max(layer.start, layer.rotationVirtualStart + index * turn);
    const end = Math.min(layer.end ?? Number.POSITIVE_INFINITY, layer.rotationVirtualStart + (index + 1) * turn);
    shifts.push({ userId, start, end });
  }
  return shifts;
}

/**
 * The final schedule's shifts overlapping [since, until) (an instant when since = until), whole:
 * a shift that began before `since` keeps its real start, as PagerDuty's /oncalls reports it.
 */
export function scheduleShifts(schedule: PdSchedule, since: number, until: number): Shift[] {
  const end = until > since ? until : since + 1;
  const shifts: Shift[] = [];
  // Top layer first: a lower layer only fills time no higher layer covers.
  const covered: { start: number; end: number }[] = [];
  for (const layer of [...schedule.layers].reverse()) {
    for (const shift of layerShifts(layer, since, end)) {
      const hidden = covered.some((range) => range.start <= shift.start && range.end >= shift.end);
      if (!hidden) shifts.push(shift);
    }
    covered.push({ start: layer.start, end: layer.end ?? Number.POSITIVE_INFINITY });
  }
  return shifts.sort((a, b) => a.start - b.start);
}

/** Who a schedule puts on call at `at` (null when nobody is). */
export function onCallAt(schedule: PdSchedule, at: number): string | null {
  return scheduleShifts(schedule, at, at)[0]?.userId ?? null;
}

/** Every on-call of one escalation policy in [since, until), level by level, in start order. */
export function policyOncalls(policy: PdPolicy, schedules: ReadonlyMap<string, PdSchedule>, since: number, until: number): OncallEntry[] {
  const entries: OncallEntry[] = [];
  policy.rules.forEach((rule, index) => {
    const level = index + 1;
    const atLevel: OncallEntry[] = [];
    for (const target of rule.targets) {
      if (target.type === "user") {
        atLevel.push({ policyId: policy.id, level, userId: target.id, scheduleId: null, start: null, end: null });
        continue;
      }
      const schedule = schedules.get(target.id);
      if (!schedule) continue;
      for (const shift of scheduleShifts(schedule, since, until)) {
        atLevel.push({ policyId: policy.id, level, userId: shift.userId, scheduleId: schedule.id, start: shift.start, end: shift.end });
      }
    }
    atLevel.sort((a, b) => (a.start ?? Number.NEGATIVE_INFINITY) - (b.start ?? Number.NEGATIVE_INFINITY));
    entries.push(...atLevel);
  });
  return entries;
}

/** `earliest=true`: only the first on-call of each (policy, level, user). */
export function earliestOnly(entries: OncallEntry[]): OncallEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.policyId}|${entry.level}|${entry.userId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The user a new incident on this policy is assigned to: level 1's first on-call. */
export function firstResponder(policy: PdPolicy, schedules: ReadonlyMap<string, PdSchedule>, at: number): string | null {
  return policyOncalls(policy, schedules, at, at).find((entry) => entry.level === 1)?.userId ?? null;
}
