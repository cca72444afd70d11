import type { DatadogDashboard, DatadogIncident, DatadogMonitor, DatadogSlo, DatadogUser, SloThreshold } from "./model";

// Wire shapes of monitors, SLOs, dashboards and incidents, modelled on the recorded responses in
// fixtures/datadog (`recorded_examples`) and checked against the response schemas by the tests.

const iso = (ms: number): string => new Date(ms).toISOString().replace("Z", "+00:00");

function creator(user: DatadogUser) {
  return { name: user.name, handle: user.handle, email: user.email, id: user.id };
}

export function monitorJson(monitor: DatadogMonitor, orgId: number) {
  return {
    id: monitor.id,
    org_id: orgId,
    type: monitor.type,
    name: monitor.name,
    message: monitor.message,
    tags: monitor.tags,
    query: monitor.query,
    options: {
      notify_audit: false,
      locked: false,
      include_tags: true,
      thresholds: { critical: monitor.critical, ...(monitor.warning !== null ? { warning: monitor.warning } : {}) },
      new_host_delay: 300,
      require_full_window: false,
      notify_no_data: monitor.type === "service check",
      renotify_interval: 0,
      silenced: {},
    },
    multi: monitor.multi,
    created_at: monitor.created,
    created: iso(monitor.created),
    modified: iso(monitor.modified),
    deleted: null,
    restricted_roles: null,
    priority: monitor.priority,
    overall_state_modified: iso(monitor.stateModified),
    overall_state: monitor.state,
    creator: creator(monitor.creator),
    matching_downtimes: [],
  };
}

/** The slimmer monitor of /api/v1/monitor/search. */
export function searchMonitorJson(monitor: DatadogMonitor, orgId: number) {
  const classification = monitor.type === "log alert" ? "log" : monitor.type === "service check" ? "custom" : monitor.query.includes("trace.") ? "apm" : "metric";
  return {
    id: monitor.id,
    name: monitor.name,
    status: monitor.state,
    type: monitor.type,
    tags: monitor.tags,
    classification,
    creator: { handle: monitor.creator.handle, id: monitor.creator.id, name: monitor.creator.name },
    metrics: monitor.metrics,
    notifications: [],
    muted_until_ts: null,
    query: monitor.query,
    last_triggered_ts: monitor.state === "Alert" || monitor.state === "Warn" ? Math.floor(monitor.stateModified / 1000) : null,
    org_id: orgId,
    priority: monitor.priority,
    overall_state_modified: iso(monitor.stateModified),
    restricted_roles: [],
    scopes: monitor.tags.filter((tag) => tag.startsWith("service:") || tag.startsWith("env:")),
  };
}

function display(value: number): string {
  return Number.isInteger(value) ? `${value}.` : String(value);
}

function thresholdJson(threshold: SloThreshold) {
  return {
    timeframe: threshold.timeframe,
    target: threshold.target,
    target_display: display(threshold.target),
    ...(threshold.warning !== null ? { warning: threshold.warning, warning_display: display(threshold.warning) } : {}),
  };
}

export function sloJson(slo: DatadogSlo) {
  const primary = slo.thresholds.find((threshold) => threshold.timeframe === slo.timeframe) ?? slo.thresholds[0]!;
  return {
    id: slo.id,
    name: slo.name,
    tags: slo.tags,
    monitor_tags: [],
    thresholds: slo.thresholds.map(thresholdJson),
    type: slo.type,
    type_id: slo.type === "metric" ? 1 : 0,
    description: slo.description,
    timeframe: slo.timeframe,
    ...(primary.warning !== null ? { warning_threshold: primary.warning } : {}),
    target_threshold: primary.target,
    ...(slo.query ? { query: slo.query } : {}),
    ...(slo.type === "monitor" ? { monitor_ids: slo.monitorIds } : {}),
    creator: { name: slo.creator.name, handle: slo.creator.handle, email: slo.creator.email },
    created_at: slo.created,
    modified_at: slo.modified,
  };
}

const TIMEFRAME_SECONDS: Record<string, number> = { "7d": 7 * 86_400, "30d": 30 * 86_400, "90d": 90 * 86_400 };

/**
 * The SLI of an SLO over [from, to]: where the SLO's budget position puts it for its primary
 * target, a little better over windows longer than the SLO's own (incidents average out).
 */
export function sliValue(slo: DatadogSlo, fromTs: number, toTs: number): number | null {
  if (slo.budgetPosition === null) return null;
  const primary = slo.thresholds.find((threshold) => threshold.timeframe === slo.timeframe) ?? slo.thresholds[0]!;
  const window = Math.max(1, toTs - fromTs);
  const stretch = Math.max(1, window / (TIMEFRAME_SECONDS[slo.timeframe] ?? window));
  const position = 1 - (1 - slo.budgetPosition) / stretch;
  return Math.min(100, Math.round((primary.target + (100 - primary.target) * position) * 10_000) / 10_000);
}

export function sloHistoryJson(slo: DatadogSlo, fromTs: number, toTs: number) {
  const sli = sliValue(slo, fromTs, toTs);
  const thresholds = Object.fromEntries(slo.thresholds.map((threshold) => [threshold.timeframe, thresholdJson(threshold)]));
  const budgets = Object.fromEntries(
    slo.thresholds.map((threshold) => [threshold.timeframe, sli === null ? null : Math.round(((sli - threshold.target) / (100 - threshold.target)) * 100 * 100) / 100]),
  );
  const overall =
    sli === null
      ? { errors: [{ error_message: "The denominator is zero valued", error_type: "ZERO_VALUED_DENOMINATOR" }], sli_value: null, span_precision: 2, precision: Object.fromEntries(slo.thresholds.map((threshold) => [threshold.timeframe, 0])) }
      : {
          sli_value: sli,
          span_precision: 2,
          precision: Object.fromEntries(slo.thresholds.map((threshold) => [threshold.timeframe, 2])),
          error_budget_remaining: budgets,
          ...(slo.type === "monitor" ? { uptime: sli, history: [[fromTs, 1]], monitor_type: "query alert", monitor_modified: slo.modified } : {}),
        };
  return {
    data: {
      from_ts: fromTs,
      to_ts: toTs,
      type: slo.type,
      type_id: slo.type === "metric" ? 1 : 0,
      thresholds,
      overall,
      ...(slo.type === "metric" ? { group_by: [] } : {}),
    },
    errors: null,
  };
}

export function dashboardJson(dashboard: DatadogDashboard) {
  return {
    id: dashboard.id,
    title: dashboard.title,
    description: dashboard.description,
    layout_type: dashboard.layoutType,
    url: dashboard.url,
    is_read_only: dashboard.isReadOnly,
    created_at: dashboard.created,
    modified_at: dashboard.modified,
    author_handle: dashboard.authorHandle,
    deleted_at: null,
  };
}

function seconds(from: string | null, to: string | null): number {
  return from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)) : 0;
}

export function incidentJson(incident: DatadogIncident) {
  const user = (id: string | null) => ({ data: id ? { type: "users", id } : null });
  return {
    type: "incidents",
    id: incident.id,
    attributes: {
      public_id: incident.publicId,
      title: incident.title,
      resolved: incident.resolved,
      customer_impact_scope: incident.customerImpacted ? "Some customers saw errors" : null,
      customer_impact_start: incident.customerImpacted ? incident.detected : null,
      customer_impact_end: incident.customerImpacted ? incident.resolved : null,
      customer_impacted: incident.customerImpacted,
      notification_handles: null,
      created: incident.created,
      modified: incident.modified,
      detected: incident.detected,
      declared: incident.created,
      customer_impact_duration: incident.customerImpacted ? seconds(incident.detected, incident.resolved) : 0,
      time_to_detect: seconds(incident.detected, incident.created),
      time_to_repair: seconds(incident.created, incident.resolved),
      time_to_internal_response: 0,
      time_to_resolve: seconds(incident.created, incident.resolved),
      archived: null,
      is_test: false,
      fields: {
        state: { type: "dropdown", value: incident.state },
        severity: { type: "dropdown", value: incident.severity },
        summary: { type: "textbox", value: null },
        detection_method: { type: "dropdown", value: "monitor" },
        root_cause: { type: "textbox", value: null },
        services: { type: "autocomplete", value: incident.services.length ? incident.services : null },
        teams: { type: "autocomplete", value: incident.teams.length ? incident.teams : null },
      },
      severity: incident.severity,
      state: incident.state,
      visibility: "organization",
      case_id: null,
    },
    relationships: {
      created_by_user: user(incident.createdById),
      last_modified_by_user: user(incident.createdById),
      commander_user: user(incident.commanderId),
      declared_by_user: user(incident.createdById),
      integrations: { data: [] },
      attachments: { data: [] },
      responders: { data: [] },
      impacts: { data: [] },
    },
  };
}
