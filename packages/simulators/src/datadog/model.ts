// The simulated Datadog organisation as plain data: what a seed produces and the state mutates.
// Wire shapes (snake_case, kebab-case service definitions) are rendered from this in shapes.ts
// and service-definitions.ts, so one object can be served in every schema version.

export type SchemaVersion = "v1" | "v2" | "v2.1" | "v2.2";
/** The versions a definition can be ingested as (v1 is deprecated; it is only rendered). */
export type IngestedVersion = "v2" | "v2.1" | "v2.2";
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = ["v1", "v2", "v2.1", "v2.2"];

export type ContactType = "email" | "slack" | "microsoft-teams";
export type ServiceContact = { name: string; type: ContactType; contact: string };

export type LinkType = "runbook" | "doc" | "repo" | "dashboard" | "other";
export type ServiceLink = { name: string; type: LinkType; url: string; provider?: string };

export type ServiceType = "web" | "db" | "cache" | "function" | "browser" | "mobile" | "custom";

export type DatadogService = {
  /** The definition's id in responses (32 hex characters). */
  id: string;
  /** `dd-service`: the name Datadog matches with APM data, `service:` tags and the catalog. */
  name: string;
  ingestedVersion: IngestedVersion;
  team: string | null;
  application: string | null;
  description: string | null;
  tier: string | null;
  lifecycle: string | null;
  type: ServiceType | null;
  languages: string[];
  contacts: ServiceContact[];
  /** Runbooks, docs, repositories and dashboards (v2 renders repos and docs as their own lists). */
  links: ServiceLink[];
  tags: string[];
  pagerdutyUrl: string | null;
  /** ISO time of the last ingestion. */
  lastModified: string;
  origin: string;
};

/** Datadog's overall monitor states; the seed and the clock use the first four. */
export type MonitorState = "OK" | "Warn" | "Alert" | "No Data" | "Ignored" | "Skipped" | "Unknown";
export const LIVE_MONITOR_STATES: readonly MonitorState[] = ["OK", "Warn", "Alert", "No Data"];

export type MonitorType = "query alert" | "metric alert" | "service check" | "log alert" | "trace-analytics alert";

export type DatadogUser = { id: number; name: string; handle: string; email: string };

export type DatadogMonitor = {
  id: number;
  name: string;
  type: MonitorType;
  query: string;
  message: string;
  tags: string[];
  priority: number | null;
  state: MonitorState;
  /** Epoch ms of the last state change. */
  stateModified: number;
  /** Epoch ms. */
  created: number;
  modified: number;
  creator: DatadogUser;
  multi: boolean;
  critical: number;
  warning: number | null;
  /** Metric names for search results. */
  metrics: string[];
};

export type SloTimeframe = "7d" | "30d" | "90d";
export type SloThreshold = { timeframe: SloTimeframe; target: number; warning: number | null };

export type DatadogSlo = {
  /** 32 hex characters. */
  id: string;
  name: string;
  description: string | null;
  type: "metric" | "monitor";
  tags: string[];
  thresholds: SloThreshold[];
  /** The primary timeframe (Datadog's `timeframe` field). */
  timeframe: SloTimeframe;
  monitorIds: number[];
  query: { numerator: string; denominator: string } | null;
  /**
   * Where the SLI sits inside the error budget of the primary threshold: 1 = perfect, 0 = budget
   * exactly spent, negative = breached. null = no data (Datadog returns a null sli_value).
   */
  budgetPosition: number | null;
  /** Epoch seconds, as Datadog reports them for SLOs. */
  created: number;
  modified: number;
  creator: DatadogUser;
};

export type DatadogDashboard = {
  /** Datadog's "abc-def-ghi" form. */
  id: string;
  title: string;
  description: string | null;
  layoutType: "ordered" | "free";
  /** Path relative to the app host: /dashboard/<id>/<slug>. */
  url: string;
  authorHandle: string;
  created: string;
  modified: string;
  isReadOnly: boolean;
};

export type IncidentState = "active" | "stable" | "resolved";
export type IncidentSeverity = "SEV-1" | "SEV-2" | "SEV-3" | "SEV-4" | "SEV-5";

export type DatadogIncident = {
  /** UUID. */
  id: string;
  publicId: number;
  title: string;
  severity: IncidentSeverity;
  state: IncidentState;
  /** ISO times. */
  created: string;
  detected: string;
  modified: string;
  resolved: string | null;
  services: string[];
  teams: string[];
  customerImpacted: boolean;
  commanderId: string | null;
  createdById: string;
};

export type DatadogOrgData = {
  orgId: number;
  name: string;
  /** The app host links point at (https://app.datadoghq.com). */
  appUrl: string;
  /** The seed the world was made from; ticks derive their changes from it. */
  seed: string;
  services: DatadogService[];
  monitors: DatadogMonitor[];
  slos: DatadogSlo[];
  dashboards: DatadogDashboard[];
  incidents: DatadogIncident[];
};
