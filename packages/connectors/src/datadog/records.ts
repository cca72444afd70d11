import type { v1, v2 } from "@datadog/datadog-api-client";

import { datadogServiceLinks, opsLinkKey, type OpsRecordOf } from "../framework/ops-records";

/**
 * Monitors, SLOs, dashboards and incidents as operational records. Links are `service:` tags
 * (unified service tagging) for monitors and SLOs, the services of an incident, and for a
 * dashboard the services whose definitions link to it.
 */

type MonitorState = OpsRecordOf<"datadog.monitor">["data"]["overallState"];
const MONITOR_STATES = new Set<string>(["OK", "Warn", "Alert", "No Data", "Ignored", "Skipped", "Unknown"]);

function iso(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An enum value, or "unknown" when this client version did not recognise it (an UnparsedObject). */
function enumText(value: unknown): string {
  return typeof value === "string" ? value : "unknown";
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

export function monitorRecord(monitor: v1.Monitor, appUrl: string): OpsRecordOf<"datadog.monitor"> | null {
  if (monitor.id === undefined) return null;
  // A state this client version does not know arrives as an UnparsedObject: shown as Unknown.
  const overall = typeof monitor.overallState === "string" ? monitor.overallState : null;
  const state: MonitorState = overall && MONITOR_STATES.has(overall) ? (overall as MonitorState) : "Unknown";
  const tags = monitor.tags ?? [];
  const url = `${appUrl}/monitors/${monitor.id}`;
  const name = monitor.name ?? `Monitor ${monitor.id}`;
  return {
    type: "datadog.monitor",
    externalId: String(monitor.id),
    title: name,
    links: datadogServiceLinks(tags),
    state,
    url,
    // The client's Monitor model has no overall_state_modified; it lands among the extra properties.
    occurredAt: iso(stringOrNull(monitor.additionalProperties?.["overall_state_modified"])),
    data: { name, type: enumText(monitor.type), query: monitor.query ?? "", overallState: state, priority: typeof monitor.priority === "number" ? monitor.priority : null, tags, url },
  };
}

export type SloReading = { sliValue: number | null; errorBudgetRemaining: number | null };

/** The SLO's own timeframe and target (its `timeframe`, else its first threshold). */
export function primaryThreshold(slo: v1.ServiceLevelObjective): { timeframe: string; target: number } {
  const thresholds = slo.thresholds ?? [];
  const primary = thresholds.find((threshold) => threshold.timeframe === slo.timeframe) ?? thresholds[0];
  const timeframe = primary?.timeframe ?? slo.timeframe;
  return { timeframe: typeof timeframe === "string" ? timeframe : "30d", target: primary?.target ?? slo.targetThreshold ?? 99.9 };
}

/** The SLI and remaining budget from a history answer (budget computed from the SLI when absent). */
export function readHistory(history: v1.SLOHistoryResponse | null, timeframe: string, target: number): SloReading {
  const overall = history?.data?.overall;
  const sliValue = typeof overall?.sliValue === "number" && Number.isFinite(overall.sliValue) ? overall.sliValue : null;
  if (sliValue === null) return { sliValue: null, errorBudgetRemaining: null };
  const reported = overall?.errorBudgetRemaining?.[timeframe];
  const errorBudgetRemaining = typeof reported === "number" && Number.isFinite(reported) ? reported : target < 100 ? ((sliValue - target) / (100 - target)) * 100 : null;
  return { sliValue, errorBudgetRemaining: errorBudgetRemaining === null ? null : Math.round(errorBudgetRemaining * 100) / 100 };
}

/** ok | at_risk (under a quarter of the budget left) | breached (budget spent) | no_data. */
export function sloState(reading: SloReading): "ok" | "at_risk" | "breached" | "no_data" {
  if (reading.sliValue === null || reading.errorBudgetRemaining === null) return "no_data";
  if (reading.errorBudgetRemaining < 0) return "breached";
  if (reading.errorBudgetRemaining < 25) return "at_risk";
  return "ok";
}

export function sloRecord(slo: v1.ServiceLevelObjective, reading: SloReading, appUrl: string): OpsRecordOf<"datadog.slo"> | null {
  if (!slo.id) return null;
  const { timeframe, target } = primaryThreshold(slo);
  const tags = slo.tags ?? [];
  const url = `${appUrl}/slo?slo_id=${encodeURIComponent(slo.id)}`;
  return {
    type: "datadog.slo",
    externalId: slo.id,
    title: slo.name,
    links: datadogServiceLinks(tags),
    state: sloState(reading),
    url,
    occurredAt: null,
    data: { name: slo.name, type: enumText(slo.type), target, timeframe, sliValue: reading.sliValue, errorBudgetRemaining: reading.errorBudgetRemaining, tags, url },
  };
}

export function dashboardRecord(dashboard: v1.DashboardSummaryDefinition, services: readonly string[], appUrl: string): OpsRecordOf<"datadog.dashboard"> | null {
  if (!dashboard.id) return null;
  const url = dashboard.url ? (/^https?:\/\//.test(dashboard.url) ? dashboard.url : `${appUrl}${dashboard.url.startsWith("/") ? "" : "/"}${dashboard.url}`) : `${appUrl}/dashboard/${dashboard.id}`;
  const title = dashboard.title ?? dashboard.id;
  return {
    type: "datadog.dashboard",
    externalId: dashboard.id,
    title,
    links: [...new Set(services.map((service) => opsLinkKey.datadogService(service)))],
    state: null,
    url,
    occurredAt: null,
    data: { title, url },
  };
}

/** The value of an incident field (dropdown, autocomplete, textbox), however the client parsed it. */
function fieldValues(fields: unknown, name: string): string[] {
  const field = (fields as Record<string, unknown> | undefined)?.[name] as { value?: unknown; _data?: { value?: unknown } } | undefined;
  const value = field?.value ?? field?._data?.value;
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}

export function incidentRecord(incident: v2.IncidentResponseData, appUrl: string): OpsRecordOf<"datadog.incident"> | null {
  const attributes = incident.attributes;
  if (!attributes) return null;
  const services = fieldValues(attributes.fields, "services");
  const state = (attributes.state ?? fieldValues(attributes.fields, "state")[0] ?? "active").toLowerCase();
  const createdAt = iso(attributes.created) ?? iso(attributes.declared) ?? new Date(0).toISOString();
  const url = attributes.publicId !== undefined ? `${appUrl}/incidents/${attributes.publicId}` : null;
  const severity = attributes.severity && String(attributes.severity) !== "UNKNOWN" ? String(attributes.severity) : (fieldValues(attributes.fields, "severity")[0] ?? null);
  return {
    type: "datadog.incident",
    externalId: incident.id,
    title: attributes.title,
    links: [...new Set(services.map((service) => opsLinkKey.datadogService(service)))],
    state,
    url,
    occurredAt: createdAt,
    data: { title: attributes.title, severity, state, createdAt, resolvedAt: iso(attributes.resolved), services, url },
  };
}
