import type { v1 } from "@datadog/datadog-api-client";

import type { Checkpoint, StagedItem, StepResult } from "../framework/connector";
import type { DatadogSession } from "./client";
import { datadogAppUrl } from "./config";
import { linkedDashboardIds, serviceComponent, serviceRecord } from "./entities";
import { classifyDatadogError, hasStatus } from "./errors";
import { dashboardRecord, incidentRecord, monitorRecord, primaryThreshold, readHistory, sloRecord } from "./records";
import { normalizeDefinition } from "./service-definitions";

/**
 * One page of one listing per step: services → monitors → SLOs (each with its history) →
 * dashboards → incidents (when enabled). The cursor is the page number or offset as text; the
 * checkpoint also carries the monitor total (one search request at the start of that phase) and
 * which services link to which dashboard, learnt from the definitions and used for dashboards.
 */
export const PHASES = ["services", "monitors", "slos", "dashboards", "incidents"] as const;
export type Phase = (typeof PHASES)[number];

export type DatadogCheckpoint = Checkpoint & {
  /** Items in the phase, when known before its last page. */
  total?: number;
  /** dashboard id → names of the services whose definitions link to it. */
  dashboardServices?: Record<string, string[]>;
};

/** History requests in flight at once while reading one page of SLOs (as many as the GitHub probe). */
export const HISTORY_CONCURRENCY = 8;
/** Bounds what the checkpoint carries from services to dashboards. */
const MAX_DASHBOARD_LINKS = 20_000;

type PhaseStep = Omit<StepResult, "requests" | "budgetUsed">;

function position(checkpoint: Checkpoint): number {
  const value = Number(checkpoint.cursor ?? 0);
  return Number.isInteger(value) && value >= 0 ? value : 0;
}

function next(session: DatadogSession, checkpoint: DatadogCheckpoint, phase: Phase, cursor: number | null, total?: number): DatadogCheckpoint | null {
  // The dashboard links learnt from service definitions are needed until dashboards are done.
  const carry = checkpoint.dashboardServices ? { dashboardServices: checkpoint.dashboardServices } : {};
  if (cursor !== null) return { phase, cursor: String(cursor), ...(total !== undefined ? { total } : {}), ...carry };
  const following = PHASES.slice(PHASES.indexOf(phase) + 1).find((candidate) => candidate !== "incidents" || session.config.incidents);
  if (!following) return null;
  return { phase: following, cursor: null, ...(PHASES.indexOf(following) <= PHASES.indexOf("dashboards") ? carry : {}) };
}

async function servicesStep(session: DatadogSession, checkpoint: DatadogCheckpoint): Promise<PhaseStep> {
  const size = session.config.servicePageSize;
  const number = position(checkpoint);
  // No schema_version: each definition comes back as it was written (v2, v2.1, v2.2; v1 too).
  const response = await session.services.listServiceDefinitions({ pageSize: size, pageNumber: number });
  const data = response.data ?? [];
  const appUrl = datadogAppUrl(session.config.site);
  const documents: StagedItem[] = [];
  const dashboardServices = { ...(checkpoint.dashboardServices ?? {}) };
  let links = Object.values(dashboardServices).reduce((sum, names) => sum + names.length, 0);
  for (const item of data) {
    const definition = normalizeDefinition(item.attributes?.schema);
    if (!definition) continue;
    documents.push({ doc: serviceComponent(definition) }, { record: serviceRecord(definition, appUrl) });
    for (const id of linkedDashboardIds(definition)) {
      if (links >= MAX_DASHBOARD_LINKS) break;
      const names = (dashboardServices[id] ??= []);
      if (names.includes(definition.name)) continue;
      names.push(definition.name);
      links += 1;
    }
  }
  const carried = { ...checkpoint, dashboardServices };
  return { documents, next: next(session, carried, "services", data.length < size ? null : number + 1), items: data.length };
}

async function monitorsStep(session: DatadogSession, checkpoint: DatadogCheckpoint): Promise<PhaseStep> {
  const size = session.config.monitorPageSize;
  const page = position(checkpoint);
  let total = checkpoint.total;
  if (page === 0 && total === undefined) {
    // ListMonitors reports no total; one search answer gives it for the progress bar.
    try {
      total = (await session.monitors.searchMonitors({ perPage: 1 })).metadata?.totalCount;
    } catch {
      session.meter.limited = null;
    }
  }
  const monitors = await session.monitors.listMonitors({ page, pageSize: size });
  const appUrl = datadogAppUrl(session.config.site);
  const documents = monitors.map((monitor) => monitorRecord(monitor, appUrl)).flatMap((record) => (record ? [{ record }] : []));
  return { documents, next: next(session, checkpoint, "monitors", monitors.length < size ? null : page + 1, total), items: monitors.length, ...(total !== undefined ? { total } : {}) };
}

function windowDays(timeframe: string): number {
  const match = /^(\d+)d$/.exec(timeframe);
  return match ? Number(match[1]) : 30;
}

async function histories(session: DatadogSession, slos: v1.ServiceLevelObjective[]): Promise<Map<string, v1.SLOHistoryResponse | null>> {
  const out = new Map<string, v1.SLOHistoryResponse | null>();
  const toTs = Math.floor(Date.now() / 1000);
  let cursor = 0;
  let failure: unknown = null;
  async function lane(): Promise<void> {
    while (cursor < slos.length && failure === null) {
      const slo = slos[cursor++]!;
      if (!slo.id) continue;
      const { timeframe } = primaryThreshold(slo);
      try {
        out.set(slo.id, await session.slos.getSLOHistory({ sloId: slo.id, fromTs: toTs - windowDays(timeframe) * 86_400, toTs }));
      } catch (error) {
        // Deleted between the list and the history: no data rather than a failed sync.
        if (hasStatus(error, 404)) out.set(slo.id, null);
        else failure ??= error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(HISTORY_CONCURRENCY, slos.length) }, lane));
  if (failure !== null) throw failure;
  return out;
}

async function slosStep(session: DatadogSession, checkpoint: DatadogCheckpoint): Promise<PhaseStep> {
  const limit = session.config.sloPageSize;
  const offset = position(checkpoint);
  const response = await session.slos.listSLOs({ limit, offset });
  const slos = response.data ?? [];
  const history = await histories(session, slos);
  const appUrl = datadogAppUrl(session.config.site);
  const documents = slos.flatMap((slo) => {
    const { timeframe, target } = primaryThreshold(slo);
    const record = sloRecord(slo, readHistory(history.get(slo.id ?? "") ?? null, timeframe, target), appUrl);
    return record ? [{ record }] : [];
  });
  const total = response.metadata?.page?.totalCount;
  return { documents, next: next(session, checkpoint, "slos", slos.length < limit ? null : offset + limit), items: slos.length, ...(total !== undefined ? { total } : {}) };
}

async function dashboardsStep(session: DatadogSession, checkpoint: DatadogCheckpoint): Promise<PhaseStep> {
  const count = session.config.dashboardPageSize;
  const start = position(checkpoint);
  const dashboards = (await session.dashboards.listDashboards({ count, start })).dashboards ?? [];
  const appUrl = datadogAppUrl(session.config.site);
  const linked = checkpoint.dashboardServices ?? {};
  const documents = dashboards.flatMap((dashboard) => {
    const record = dashboardRecord(dashboard, linked[dashboard.id ?? ""] ?? [], appUrl);
    return record ? [{ record }] : [];
  });
  return { documents, next: next(session, checkpoint, "dashboards", dashboards.length < count ? null : start + count), items: dashboards.length };
}

async function incidentsStep(session: DatadogSession, checkpoint: DatadogCheckpoint): Promise<PhaseStep> {
  const size = session.config.incidentPageSize;
  const offset = position(checkpoint);
  let response;
  try {
    response = await session.incidents.listIncidents({ pageSize: size, pageOffset: offset });
  } catch (error) {
    // An org without Incident Management (or a key without incident_read) answers 403/404:
    // the rest of the sync stands, there are just no incidents to show.
    if (hasStatus(error, 403, 404)) return { documents: [], next: null, items: 0 };
    throw error;
  }
  const data = response.data ?? [];
  const appUrl = datadogAppUrl(session.config.site);
  const documents = data.flatMap((incident) => {
    const record = incidentRecord(incident, appUrl);
    return record ? [{ record }] : [];
  });
  return { documents, next: next(session, checkpoint, "incidents", data.length < size ? null : offset + data.length), items: data.length };
}

const STEPS: Record<Phase, (session: DatadogSession, checkpoint: DatadogCheckpoint) => Promise<PhaseStep>> = {
  services: servicesStep,
  monitors: monitorsStep,
  slos: slosStep,
  dashboards: dashboardsStep,
  incidents: incidentsStep,
};

const WHAT: Record<Phase, string> = { services: "service definitions", monitors: "monitors", slos: "SLOs", dashboards: "dashboards", incidents: "incidents" };

export async function runPhase(session: DatadogSession, checkpoint: DatadogCheckpoint): Promise<StepResult> {
  const phase = (PHASES as readonly string[]).includes(checkpoint.phase) ? (checkpoint.phase as Phase) : "services";
  try {
    const result = await STEPS[phase](session, { ...checkpoint, phase });
    return { ...result, requests: session.meter.requests, budgetUsed: session.meter.requests };
  } catch (error) {
    throw classifyDatadogError(error, session.meter, WHAT[phase]);
  }
}
