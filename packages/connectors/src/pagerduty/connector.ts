import type { OpsRecord } from "../framework/ops-records";
import type { Checkpoint, ConnectionVerdict, Connector, ConnectorContext, StepResult } from "../framework/connector";
import { PermanentError, RateLimitedError, TransientError } from "../framework/errors";
import { classifyNetworkError, pagerdutyRequest, withQuery } from "./client";
import { incidentsStep } from "./incidents";
import { ceilingNote, listPage, OFFSET_CAP, pagerdutyConfig, type PdCheckpoint } from "./listing";
import { oncallsStep } from "./oncalls";
import { policyRecord, scheduleRecord, serviceRecord, teamRecord, userRecord, type PdPolicy, type PdSchedule, type PdService, type PdTeam, type PdUser } from "./records";

// The PagerDuty connector: teams → users → escalation policies → schedules → services →
// on-calls (levels 1 and 2, now and next) → incidents (open, and resolved within incidentDays),
// one page per step, each step's checkpoint enough to resume at the next page. Everything it
// finds is an operational record (framework/ops-records.ts), linked to catalog entities by
// service and escalation policy ids.

export const PAGERDUTY_PHASES = ["teams", "users", "escalation_policies", "schedules", "services", "oncalls", "incidents"] as const;
type Phase = (typeof PAGERDUTY_PHASES)[number];

type Directory = { path: string; key: string; what: string; record: (item: never) => OpsRecord; query?: Record<string, string | string[]> };

const DIRECTORY: Record<Exclude<Phase, "oncalls" | "incidents">, Directory> = {
  teams: { path: "/teams", key: "teams", what: "teams", record: (team: PdTeam) => teamRecord(team) },
  users: { path: "/users", key: "users", what: "users", record: (user: PdUser) => userRecord(user) },
  escalation_policies: { path: "/escalation_policies", key: "escalation_policies", what: "escalation policies", record: (policy: PdPolicy) => policyRecord(policy) },
  schedules: { path: "/schedules", key: "schedules", what: "schedules", record: (schedule: PdSchedule) => scheduleRecord(schedule) },
  services: { path: "/services", key: "services", what: "services", record: (service: PdService) => serviceRecord(service) },
};

/** The checkpoint that starts the phase after `phase` (null after the last). */
function following(phase: Phase, checkpoint: PdCheckpoint): PdCheckpoint | null {
  const next = PAGERDUTY_PHASES[PAGERDUTY_PHASES.indexOf(phase) + 1];
  if (!next) return null;
  const { phaseTotal: _total, ...rest } = checkpoint;
  return { ...rest, phase: next, cursor: null };
}

async function directoryStep(context: ConnectorContext, phase: keyof typeof DIRECTORY, checkpoint: PdCheckpoint): Promise<StepResult> {
  const config = pagerdutyConfig(context);
  const listing = DIRECTORY[phase];
  const offset = Number(checkpoint.cursor ?? 0);
  const page = await listPage<never>(context, config, { path: listing.path, key: listing.key, offset, total: offset === 0, what: `listing ${listing.what}` });
  if (!page) return { documents: [ceilingNote(listing.what, checkpoint.phaseTotal)], next: following(phase, checkpoint), requests: 0, budgetUsed: 0, items: 0 };
  const documents: StepResult["documents"] = page.items.map((item) => ({ record: listing.record(item) }));
  const phaseTotal = page.total ?? checkpoint.phaseTotal;
  let next: PdCheckpoint | null;
  if (!page.more) next = following(phase, checkpoint);
  else if (page.nextOffset >= OFFSET_CAP) {
    // PagerDuty offers no narrower query that still covers everything here: say so on the run.
    documents.push(ceilingNote(listing.what, phaseTotal));
    next = following(phase, checkpoint);
  } else next = { ...checkpoint, cursor: String(page.nextOffset), ...(phaseTotal !== undefined ? { phaseTotal } : {}) };
  return { documents, next, requests: 1, budgetUsed: 1, items: page.items.length, ...(page.total !== null ? { total: page.total } : {}) };
}

function isPhase(value: string): value is Phase {
  return (PAGERDUTY_PHASES as readonly string[]).includes(value);
}

async function testPagerduty(context: ConnectorContext): Promise<ConnectionVerdict> {
  try {
    const config = pagerdutyConfig(context);
    const abilities = await pagerdutyRequest<{ abilities?: string[] }>(context, { url: withQuery(config.baseUrl, "/abilities"), what: "checking the API key" });
    const count = async (path: string, key: string) => {
      const { body } = await pagerdutyRequest<Record<string, unknown>>(context, { url: withQuery(config.baseUrl, path, { limit: 1, total: true }), what: `counting ${key}` });
      return typeof body?.total === "number" ? body.total : Array.isArray(body?.[key]) ? (body[key] as unknown[]).length : 0;
    };
    const services = await count("/services", "services");
    const users = await count("/users", "users");
    const last = await pagerdutyRequest<unknown>(context, { url: withQuery(config.baseUrl, "/escalation_policies", { limit: 1 }), what: "reading escalation policies" });
    const remaining = last.headers.get("ratelimit-remaining");
    const limit = last.headers.get("ratelimit-limit");
    const names = abilities.body?.abilities ?? [];
    return {
      ok: true,
      summary: `Connected to PagerDuty: ${services} services and ${users} users visible; ${names.length} account abilities (${names.slice(0, 4).join(", ")}${names.length > 4 ? ", …" : ""})${remaining && limit ? `; ${remaining} of ${limit} requests left this minute` : ""}.`,
    };
  } catch (error) {
    const classified = error instanceof PermanentError || error instanceof RateLimitedError || error instanceof TransientError ? error : classifyNetworkError(error, "checking the API key");
    if (classified instanceof RateLimitedError) return { ok: false, problem: `${classified.message}; try again after ${new Date(classified.resetAt).toISOString()}.` };
    return { ok: false, problem: classified instanceof TransientError ? `Could not reach PagerDuty: ${classified.message}` : classified.message };
  }
}

export const pagerdutyConnector: Connector = {
  kind: "PAGERDUTY",
  initialCheckpoint: (): Checkpoint => ({ phase: "teams", cursor: null }),

  async step(context: ConnectorContext, checkpoint: Checkpoint): Promise<StepResult> {
    const current = checkpoint as PdCheckpoint;
    if (!isPhase(current.phase)) throw new PermanentError(`Unknown PagerDuty sync phase "${current.phase}"`);
    try {
      if (current.phase === "oncalls") return await oncallsStep(context, pagerdutyConfig(context), current, (base) => following("oncalls", base));
      if (current.phase === "incidents") return await incidentsStep(context, pagerdutyConfig(context), current);
      return await directoryStep(context, current.phase, current);
    } catch (error) {
      if (error instanceof PermanentError || error instanceof RateLimitedError || error instanceof TransientError) throw error;
      // A body of the wrong shape (an intermediary's page, an API change) is worth another try.
      throw new TransientError(`PagerDuty sync failed while ${current.phase === "escalation_policies" ? "listing escalation policies" : `listing ${current.phase}`}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500));
    }
  },

  testConnection: testPagerduty,
};
