import type { ConnectorContext, StagedItem, StepResult } from "../framework/connector";
import { pagerdutyRequest, withQuery } from "./client";
import { listPage, OFFSET_CAP, runNote, type IncidentWindow, type PagerdutyConfig, type PdCheckpoint } from "./listing";
import { incidentRecord, type PdIncident } from "./records";

// Open incidents (all time) and incidents resolved within `incidentDays`, as a queue of /incidents
// queries. Each query's first page asks for the total; one that would pass PagerDuty's
// 10,000-record ceiling is split in two halves by time (open ones first into six-month windows
// from the oldest), down to one second, so nothing is silently cut off. A one-second window still
// over the ceiling is listed as far as PagerDuty allows and reported on the run.

const SECOND = 1000;
/** PagerDuty refuses since/until ranges over six months. */
const MAX_RANGE_MS = 180 * 86_400_000;

export function initialWindows(at: string, incidentDays: number): IncidentWindow[] {
  const until = Date.parse(at);
  return [{ statuses: "open" }, { statuses: "resolved", since: new Date(until - incidentDays * 86_400_000).toISOString(), until: at }];
}

function queryOf(window: IncidentWindow) {
  return {
    statuses: window.statuses === "open" ? ["triggered", "acknowledged"] : ["resolved"],
    ...(window.since && window.until ? { since: window.since, until: window.until } : { date_range: "all" }),
    sort_by: "created_at:asc",
  };
}

function describeWindow(window: IncidentWindow): string {
  return window.since ? `${window.statuses} incidents created ${window.since} – ${window.until}` : `${window.statuses} incidents`;
}

/** Six-month windows from the oldest open incident to a minute past now. */
async function openWindows(context: ConnectorContext, config: PagerdutyConfig, at: string): Promise<IncidentWindow[]> {
  const url = withQuery(config.baseUrl, "/incidents", { ...queryOf({ statuses: "open" }), limit: 1, offset: 0 });
  const { body } = await pagerdutyRequest<{ incidents?: PdIncident[] }>(context, { url, what: "finding the oldest open incident" });
  const oldest = body?.incidents?.[0]?.created_at;
  const from = Math.floor(Date.parse(oldest ?? at) / SECOND) * SECOND;
  const to = Math.max(Date.parse(at), Date.now()) + 60 * SECOND;
  const windows: IncidentWindow[] = [];
  for (let start = from; start < to; start += MAX_RANGE_MS) {
    windows.push({ statuses: "open", since: new Date(start).toISOString(), until: new Date(Math.min(to, start + MAX_RANGE_MS)).toISOString() });
  }
  return windows;
}

function halves(window: IncidentWindow): IncidentWindow[] | null {
  const since = Date.parse(window.since!);
  const until = Date.parse(window.until!);
  if (until - since <= SECOND) return null;
  const middle = since + Math.floor((until - since) / 2 / SECOND) * SECOND;
  return [
    { statuses: window.statuses, since: window.since, until: new Date(middle).toISOString() },
    { statuses: window.statuses, since: new Date(middle).toISOString(), until: window.until },
  ];
}

export async function incidentsStep(context: ConnectorContext, config: PagerdutyConfig, checkpoint: PdCheckpoint): Promise<StepResult> {
  const at = checkpoint.at ?? new Date(Math.floor(Date.now() / SECOND) * SECOND).toISOString();
  const windows = checkpoint.windows ?? initialWindows(at, config.incidentDays);
  const [window, ...rest] = windows;
  const base: PdCheckpoint = { ...checkpoint, at, windows };
  const total = checkpoint.incidentsTotal ?? 0;
  if (!window) return { documents: [], next: null, requests: 0, budgetUsed: 0, items: 0 };
  const offset = Number(checkpoint.cursor ?? 0);
  const afterWindow = (known: number): PdCheckpoint | null => (rest.length > 0 ? { ...base, cursor: null, windows: rest, incidentsTotal: known } : null);

  const page = await listPage<PdIncident>(context, config, { path: "/incidents", key: "incidents", query: queryOf(window), offset, total: offset === 0, what: `listing ${describeWindow(window)}` });
  if (!page) return { documents: [runNote(`PagerDuty lists at most ${OFFSET_CAP} records per query; ${describeWindow(window)} were cut off there.`)], next: afterWindow(total), requests: 0, budgetUsed: 0, items: 0 };
  let requests = 1;

  if (offset === 0 && page.total !== null && page.total > OFFSET_CAP && !window.exhausted) {
    // Narrow instead of walking into the ceiling: this page is dropped and its halves asked for.
    let narrower: IncidentWindow[] | null;
    if (!window.since) {
      narrower = await openWindows(context, config, at);
      requests += 1;
    } else narrower = halves(window);
    return { documents: [], next: { ...base, cursor: null, windows: [...(narrower ?? [{ ...window, exhausted: true }]), ...rest] }, requests, budgetUsed: requests, items: 0, ...(total ? { total } : {}) };
  }

  const known = offset === 0 ? total + (page.total ?? page.items.length) : total;
  const documents: StagedItem[] = page.items.map((incident) => ({ record: incidentRecord(incident) }));
  const atCeiling = page.more && page.nextOffset >= OFFSET_CAP;
  if (atCeiling) documents.push(runNote(`More than ${OFFSET_CAP} ${describeWindow(window)} (in one second): PagerDuty lists at most ${OFFSET_CAP} per query, so the rest were not synced.`));
  const next = page.more && !atCeiling ? { ...base, cursor: String(page.nextOffset), incidentsTotal: known } : afterWindow(known);
  return { documents, next, requests, budgetUsed: requests, items: page.items.length, total: known };
}
