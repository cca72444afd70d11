import { z } from "zod";

/**
 * Operational data (on-call, incidents, monitors, SLOs) that PagerDuty and Datadog syncs keep
 * beside the catalog. Each record is one upstream object, normalised to what the portal shows;
 * `links` are the keys that tie it to catalog entities, resolved when read (an annotation added
 * later links existing records without a re-sync):
 *   pagerduty:service:<service id>   (entity annotation pagerduty.com/service-id, or a confirmed mapping)
 *   pagerduty:policy:<policy id>     (reached through the service's escalation policy)
 *   datadog:service:<service name>   (monitor/SLO `service:` tags; entity annotation
 *                                     datadoghq.com/service-name, else the entity's own name)
 */
const isoTime = z.string().min(1);

export const opsRecordData = {
  "pagerduty.service": z.object({
    name: z.string(),
    status: z.string(),
    description: z.string().nullable(),
    escalationPolicyId: z.string().nullable(),
    escalationPolicyName: z.string().nullable(),
    teamIds: z.array(z.string()),
    htmlUrl: z.string().nullable(),
  }),
  "pagerduty.escalation_policy": z.object({
    name: z.string(),
    htmlUrl: z.string().nullable(),
    levels: z.array(z.object({ level: z.number().int(), targets: z.array(z.object({ type: z.string(), id: z.string(), name: z.string() })) })),
  }),
  "pagerduty.schedule": z.object({ name: z.string(), timeZone: z.string().nullable(), htmlUrl: z.string().nullable() }),
  "pagerduty.oncall": z.object({
    escalationPolicyId: z.string(),
    level: z.number().int(),
    userId: z.string(),
    userName: z.string(),
    userEmail: z.string().nullable(),
    scheduleId: z.string().nullable(),
    scheduleName: z.string().nullable(),
    /** null = always on call (no schedule). */
    start: isoTime.nullable(),
    end: isoTime.nullable(),
  }),
  "pagerduty.team": z.object({ name: z.string(), description: z.string().nullable() }),
  "pagerduty.user": z.object({ name: z.string(), email: z.string().nullable(), teamIds: z.array(z.string()) }),
  "pagerduty.incident": z.object({
    number: z.number().int(),
    title: z.string(),
    status: z.enum(["triggered", "acknowledged", "resolved"]),
    urgency: z.enum(["high", "low"]),
    serviceId: z.string(),
    serviceName: z.string().nullable(),
    createdAt: isoTime,
    resolvedAt: isoTime.nullable(),
    assignees: z.array(z.string()),
    htmlUrl: z.string().nullable(),
  }),
  "datadog.service": z.object({
    name: z.string(),
    schemaVersion: z.string(),
    team: z.string().nullable(),
    tier: z.string().nullable(),
    lifecycle: z.string().nullable(),
    description: z.string().nullable(),
    contacts: z.array(z.object({ type: z.string(), contact: z.string(), name: z.string().nullable() })),
    links: z.array(z.object({ name: z.string(), type: z.string(), url: z.string() })),
    pagerdutyUrl: z.string().nullable(),
    repoUrls: z.array(z.string()),
  }),
  "datadog.monitor": z.object({
    name: z.string(),
    type: z.string(),
    query: z.string(),
    overallState: z.enum(["OK", "Warn", "Alert", "No Data", "Ignored", "Skipped", "Unknown"]),
    priority: z.number().int().nullable(),
    tags: z.array(z.string()),
    url: z.string().nullable(),
  }),
  "datadog.slo": z.object({
    name: z.string(),
    type: z.string(),
    target: z.number(),
    timeframe: z.string(),
    /** Current SLI over the timeframe, in percent; null when Datadog has no data yet. */
    sliValue: z.number().nullable(),
    /** Remaining error budget in percent of the budget (negative when blown). */
    errorBudgetRemaining: z.number().nullable(),
    tags: z.array(z.string()),
    url: z.string().nullable(),
  }),
  "datadog.dashboard": z.object({ title: z.string(), url: z.string().nullable() }),
  "datadog.incident": z.object({
    title: z.string(),
    severity: z.string().nullable(),
    state: z.string(),
    createdAt: isoTime,
    resolvedAt: isoTime.nullable(),
    services: z.array(z.string()),
    url: z.string().nullable(),
  }),
} as const;

export type OpsRecordType = keyof typeof opsRecordData;
export type OpsRecordDataOf<T extends OpsRecordType> = z.infer<(typeof opsRecordData)[T]>;

export type OpsRecordOf<T extends OpsRecordType> = {
  type: T;
  /** Unique per (integration, type). */
  externalId: string;
  title: string;
  links: string[];
  /**
   * Normalised state for badges and filters: incidents triggered | acknowledged | resolved
   * (Datadog incidents: active | stable | resolved); monitors OK | Warn | Alert | No Data;
   * SLOs ok | at_risk | breached | no_data; null for the rest.
   */
  state: string | null;
  url: string | null;
  /** When it started (incident created, monitor state changed), for ordering and age. */
  occurredAt: string | null;
  data: OpsRecordDataOf<T>;
};

export type OpsRecord = { [T in OpsRecordType]: OpsRecordOf<T> }[OpsRecordType];

export const opsLinkKey = {
  pagerdutyService: (serviceId: string) => `pagerduty:service:${serviceId}`,
  pagerdutyPolicy: (policyId: string) => `pagerduty:policy:${policyId}`,
  datadogService: (name: string) => `datadog:service:${name.toLowerCase()}`,
};

/** `service:<name>` tags (Datadog's unified service tagging) → link keys. */
export function datadogServiceLinks(tags: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const tag of tags) {
    const match = /^service:(.+)$/.exec(tag.trim());
    if (match?.[1]) keys.add(opsLinkKey.datadogService(match[1]));
  }
  return [...keys];
}

/** Validates a record a connector produced (a connector bug must not reach the portal). */
export function parseOpsRecord(record: OpsRecord): OpsRecord {
  const data = opsRecordData[record.type].parse(record.data);
  return { ...record, data } as OpsRecord;
}
