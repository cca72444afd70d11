import { opsLinkKey, type OpsRecordOf } from "../framework/ops-records";

// PagerDuty REST objects → the portal's operational records (framework/ops-records.ts). Only the
// fields the portal shows are kept; links tie each record to catalog entities through the
// service (pagerduty:service:<id>) or the escalation policy (pagerduty:policy:<id>).

export type PdReference = { id: string; type: string; summary?: string | null; html_url?: string | null };

export type PdTeam = { id: string; name: string; description?: string | null; html_url?: string | null };
export type PdUser = { id: string; name: string; email?: string | null; html_url?: string | null; teams?: PdReference[] };
export type PdPolicy = { id: string; name: string; html_url?: string | null; escalation_rules?: { targets?: PdReference[] }[] };
export type PdSchedule = { id: string; name?: string; summary?: string | null; time_zone?: string | null; html_url?: string | null; escalation_policies?: PdReference[] };
export type PdService = {
  id: string;
  name: string;
  status?: string;
  description?: string | null;
  html_url?: string | null;
  escalation_policy?: PdReference | null;
  teams?: PdReference[];
};
export type PdOncall = {
  escalation_policy: PdReference;
  escalation_level: number;
  /** A reference, or the whole user with include[]=users. */
  user: PdReference & { name?: string; email?: string | null };
  schedule?: PdReference | null;
  start?: string | null;
  end?: string | null;
};
export type PdIncident = {
  id: string;
  incident_number: number;
  title?: string;
  summary?: string | null;
  status: "triggered" | "acknowledged" | "resolved";
  urgency?: "high" | "low";
  created_at: string;
  resolved_at?: string | null;
  html_url?: string | null;
  service: PdReference;
  assignments?: { assignee: PdReference }[];
};

const referenceIds = (references: PdReference[] | undefined): string[] => (references ?? []).map((reference) => reference.id);

export function teamRecord(team: PdTeam): OpsRecordOf<"pagerduty.team"> {
  return { type: "pagerduty.team", externalId: team.id, title: team.name, links: [], state: null, url: team.html_url ?? null, occurredAt: null, data: { name: team.name, description: team.description || null } };
}

export function userRecord(user: PdUser): OpsRecordOf<"pagerduty.user"> {
  return { type: "pagerduty.user", externalId: user.id, title: user.name, links: [], state: null, url: user.html_url ?? null, occurredAt: null, data: { name: user.name, email: user.email ?? null, teamIds: referenceIds(user.teams) } };
}

export function policyRecord(policy: PdPolicy): OpsRecordOf<"pagerduty.escalation_policy"> {
  return {
    type: "pagerduty.escalation_policy",
    externalId: policy.id,
    title: policy.name,
    links: [opsLinkKey.pagerdutyPolicy(policy.id)],
    state: null,
    url: policy.html_url ?? null,
    occurredAt: null,
    data: {
      name: policy.name,
      htmlUrl: policy.html_url ?? null,
      levels: (policy.escalation_rules ?? []).map((rule, index) => ({
        level: index + 1,
        targets: (rule.targets ?? []).map((target) => ({ type: target.type.replace(/_reference$/, ""), id: target.id, name: target.summary ?? "" })),
      })),
    },
  };
}

export function scheduleRecord(schedule: PdSchedule): OpsRecordOf<"pagerduty.schedule"> {
  const name = schedule.name ?? schedule.summary ?? schedule.id;
  return {
    type: "pagerduty.schedule",
    externalId: schedule.id,
    title: name,
    // A schedule reaches an entity through the escalation policies that page it.
    links: referenceIds(schedule.escalation_policies).map(opsLinkKey.pagerdutyPolicy),
    state: null,
    url: schedule.html_url ?? null,
    occurredAt: null,
    data: { name, timeZone: schedule.time_zone ?? null, htmlUrl: schedule.html_url ?? null },
  };
}

export function serviceRecord(service: PdService): OpsRecordOf<"pagerduty.service"> {
  return {
    type: "pagerduty.service",
    externalId: service.id,
    title: service.name,
    links: [opsLinkKey.pagerdutyService(service.id)],
    state: null,
    url: service.html_url ?? null,
    occurredAt: null,
    data: {
      name: service.name,
      status: service.status ?? "active",
      description: service.description || null,
      escalationPolicyId: service.escalation_policy?.id ?? null,
      escalationPolicyName: service.escalation_policy?.summary ?? null,
      teamIds: referenceIds(service.teams),
      htmlUrl: service.html_url ?? null,
    },
  };
}

/** Stable per policy + level + user + start: the same shift keeps its record across syncs. */
export function oncallExternalId(oncall: PdOncall): string {
  return `${oncall.escalation_policy.id}:${oncall.escalation_level}:${oncall.user.id}:${oncall.start ?? "always"}`;
}

export function oncallRecord(oncall: PdOncall): OpsRecordOf<"pagerduty.oncall"> {
  const policyName = oncall.escalation_policy.summary ?? oncall.escalation_policy.id;
  const userName = oncall.user.name ?? oncall.user.summary ?? oncall.user.id;
  return {
    type: "pagerduty.oncall",
    externalId: oncallExternalId(oncall),
    title: `${userName} (level ${oncall.escalation_level}, ${policyName})`,
    links: [opsLinkKey.pagerdutyPolicy(oncall.escalation_policy.id)],
    state: null,
    url: oncall.schedule?.html_url ?? oncall.user.html_url ?? null,
    occurredAt: oncall.start ?? null,
    data: {
      escalationPolicyId: oncall.escalation_policy.id,
      level: oncall.escalation_level,
      userId: oncall.user.id,
      userName,
      userEmail: oncall.user.email ?? null,
      scheduleId: oncall.schedule?.id ?? null,
      scheduleName: oncall.schedule?.summary ?? null,
      start: oncall.start ?? null,
      end: oncall.end ?? null,
    },
  };
}

export function incidentRecord(incident: PdIncident): OpsRecordOf<"pagerduty.incident"> {
  const title = incident.title ?? incident.summary ?? `Incident #${incident.incident_number}`;
  return {
    type: "pagerduty.incident",
    externalId: incident.id,
    title,
    links: [opsLinkKey.pagerdutyService(incident.service.id)],
    state: incident.status,
    url: incident.html_url ?? null,
    occurredAt: incident.created_at,
    data: {
      number: incident.incident_number,
      title,
      status: incident.status,
      urgency: incident.urgency ?? "high",
      serviceId: incident.service.id,
      serviceName: incident.service.summary ?? null,
      createdAt: incident.created_at,
      resolvedAt: incident.resolved_at ?? null,
      assignees: (incident.assignments ?? []).map((assignment) => assignment.assignee.summary ?? assignment.assignee.id),
      htmlUrl: incident.html_url ?? null,
    },
  };
}
