import type { IncidentSeverity, MonitorState, MonitorType, ServiceType } from "./model";

// Word lists and weights for the seeded Datadog org. Service names reuse the GitHub simulator's
// vocabulary, so a demo that seeds both from the same names gets matching repositories.

export { DOMAINS, FIRST_NAMES, LAST_NAMES, REPO_KINDS, TEAM_SUFFIXES } from "../github/seed-vocabulary";

/** Monitor templates: what a team typically watches on a service. */
export const MONITOR_TEMPLATES: { name: (service: string) => string; type: MonitorType; metric: string; query: (service: string) => string; critical: number; warning: number | null }[] = [
  {
    name: (s) => `[${s}] High error rate`,
    type: "query alert",
    metric: "trace.http.request.errors",
    query: (s) => `sum(last_5m):sum:trace.http.request.errors{service:${s},env:prod}.as_count() / sum:trace.http.request.hits{service:${s},env:prod}.as_count() > 0.05`,
    critical: 0.05,
    warning: 0.02,
  },
  {
    name: (s) => `[${s}] p95 latency above 500ms`,
    type: "query alert",
    metric: "trace.http.request.duration",
    query: (s) => `percentile(last_10m):p95:trace.http.request.duration{service:${s},env:prod} > 0.5`,
    critical: 0.5,
    warning: 0.3,
  },
  {
    name: (s) => `[${s}] CPU above 90% on a pod`,
    type: "metric alert",
    metric: "kubernetes.cpu.usage.total",
    query: (s) => `avg(last_15m):avg:kubernetes.cpu.usage.total{service:${s}} by {pod_name} > 90`,
    critical: 90,
    warning: 75,
  },
  {
    name: (s) => `[${s}] Pods restarting`,
    type: "query alert",
    metric: "kubernetes.containers.restarts",
    query: (s) => `change(max(last_10m),last_10m):sum:kubernetes.containers.restarts{service:${s}} by {pod_name} > 3`,
    critical: 3,
    warning: null,
  },
  {
    name: (s) => `[${s}] No traffic`,
    type: "query alert",
    metric: "trace.http.request.hits",
    query: (s) => `sum(last_15m):sum:trace.http.request.hits{service:${s},env:prod}.as_count() < 1`,
    critical: 1,
    warning: null,
  },
  {
    name: (s) => `[${s}] Error logs spiking`,
    type: "log alert",
    metric: "logs",
    query: (s) => `logs("service:${s} status:error").index("*").rollup("count").last("5m") > 100`,
    critical: 100,
    warning: 50,
  },
  {
    name: (s) => `[${s}] Health check failing`,
    type: "service check",
    metric: "http.can_connect",
    query: (s) => `"http.can_connect".over("service:${s}").by("instance").last(3).count_by_status()`,
    critical: 2,
    warning: 1,
  },
  {
    name: (s) => `[${s}] Queue backlog growing`,
    type: "metric alert",
    metric: "aws.sqs.approximate_number_of_messages_visible",
    query: (s) => `avg(last_30m):avg:aws.sqs.approximate_number_of_messages_visible{service:${s}} > 10000`,
    critical: 10000,
    warning: 5000,
  },
];

/** Monitors not tied to a service (hosts, the cluster): they carry no `service:` tag. */
export const INFRA_MONITORS: { name: string; query: string; metric: string }[] = [
  { name: "Host disk almost full", query: "avg(last_5m):avg:system.disk.in_use{env:prod} by {host,device} > 0.9", metric: "system.disk.in_use" },
  { name: "Kubernetes node not ready", query: '"kubernetes_state.node.ready".over("env:prod").by("node").last(2).count_by_status()', metric: "kubernetes_state.node.ready" },
  { name: "NAT gateway packet drops", query: "sum(last_10m):sum:aws.natgateway.packets_drop_count{env:prod}.as_count() > 1000", metric: "aws.natgateway.packets_drop_count" },
];

export const MONITOR_STATE_WEIGHTS: [MonitorState, number][] = [
  ["OK", 0.8],
  ["Warn", 0.07],
  ["Alert", 0.07],
  ["No Data", 0.06],
];

export const SERVICE_TYPES: [ServiceType, number][] = [
  ["web", 0.55],
  ["custom", 0.15],
  ["function", 0.1],
  ["db", 0.1],
  ["cache", 0.05],
  ["browser", 0.05],
];

export const LIFECYCLES: [string, number][] = [
  ["production", 0.7],
  ["staging", 0.08],
  ["beta", 0.06],
  ["sandbox", 0.06],
  ["deprecated", 0.1],
];

/** GitHub language names → the identifiers Datadog's v2.2 `languages` recognises. */
export const DATADOG_LANGUAGES: Record<string, string> = {
  Go: "go",
  Java: "java",
  Kotlin: "java",
  Scala: "java",
  TypeScript: "js",
  JavaScript: "js",
  Python: "python",
  Ruby: "ruby",
  "C#": "dotnet",
  Rust: "rust",
  "C++": "c++",
  Elixir: "elixir",
};

export const INCIDENT_TITLES = [
  (s: string) => `Elevated 5xx errors on ${s}`,
  (s: string) => `${s} latency degradation`,
  (s: string) => `Partial outage of ${s}`,
  (s: string) => `Failed deploy of ${s} rolled back`,
  (s: string) => `${s} dropping messages`,
  (s: string) => `Certificate expiry broke ${s}`,
];

export const INCIDENT_SEVERITIES: [IncidentSeverity, number][] = [
  ["SEV-1", 0.05],
  ["SEV-2", 0.15],
  ["SEV-3", 0.35],
  ["SEV-4", 0.3],
  ["SEV-5", 0.15],
];

export const SLO_TARGETS = [99, 99.5, 99.9, 99.95] as const;
