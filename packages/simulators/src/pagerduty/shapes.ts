import { iso, type PdIncident, type PdPolicy, type PdSchedule, type PdService, type PdTeam, type PdUser } from "./model";
import type { OncallEntry } from "./oncalls";
import type { PagerdutyState } from "./state";

// REST bodies as PagerDuty renders them (shapes per ../shared/fixtures/pagerduty): `self` is
// the api.pagerduty.com address and `html_url` the account's web app, as on PagerDuty (the
// schemas' "url" format refuses loopback addresses, and clients never follow `self`).
// References are { id, type, summary, self, html_url } with a "_reference" type.

export type ShapeContext = { api: string; web: string; state: PagerdutyState };

export function shapeContext(state: PagerdutyState): ShapeContext {
  return { api: "https://api.pagerduty.com", web: `https://${state.subdomain}.pagerduty.com`, state };
}

type Reference = { id: string; type: string; summary: string; self: string; html_url: string | null };

function ref(id: string, type: string, summary: string, self: string, html: string | null): Reference {
  return { id, type, summary, self, html_url: html };
}

export const refs = {
  team: (ctx: ShapeContext, team: PdTeam) => ref(team.id, "team_reference", team.name, `${ctx.api}/teams/${team.id}`, `${ctx.web}/teams/${team.id}`),
  user: (ctx: ShapeContext, user: PdUser) => ref(user.id, "user_reference", user.name, `${ctx.api}/users/${user.id}`, `${ctx.web}/users/${user.id}`),
  schedule: (ctx: ShapeContext, schedule: PdSchedule) => ref(schedule.id, "schedule_reference", schedule.name, `${ctx.api}/schedules/${schedule.id}`, `${ctx.web}/schedules/${schedule.id}`),
  policy: (ctx: ShapeContext, policy: PdPolicy) => ref(policy.id, "escalation_policy_reference", policy.name, `${ctx.api}/escalation_policies/${policy.id}`, `${ctx.web}/escalation_policies/${policy.id}`),
  service: (ctx: ShapeContext, service: PdService) => ref(service.id, "service_reference", service.name, `${ctx.api}/services/${service.id}`, `${ctx.web}/service-directory/${service.id}`),
};

function teamRefs(ctx: ShapeContext, ids: string[]): Reference[] {
  return ids.flatMap((id) => {
    const team = ctx.state.teams.get(id);
    return team ? [refs.team(ctx, team)] : [];
  });
}

export function teamBody(ctx: ShapeContext, team: PdTeam) {
  return { id: team.id, type: "team", summary: team.name, self: `${ctx.api}/teams/${team.id}`, html_url: `${ctx.web}/teams/${team.id}`, name: team.name, description: team.description, default_role: "manager" };
}

export function userBody(ctx: ShapeContext, user: PdUser) {
  return {
    id: user.id,
    type: "user",
    summary: user.name,
    self: `${ctx.api}/users/${user.id}`,
    html_url: `${ctx.web}/users/${user.id}`,
    name: user.name,
    email: user.email,
    time_zone: user.timeZone,
    color: user.color,
    role: user.role,
    avatar_url: `https://secure.gravatar.com/avatar/${user.id.toLowerCase()}.png?d=mm&r=PG`,
    description: null,
    invitation_sent: false,
    job_title: user.jobTitle,
    created_via_sso: false,
    teams: teamRefs(ctx, user.teamIds),
    contact_methods: [{ id: user.contactMethodId, type: "email_contact_method_reference", summary: "Default", self: `${ctx.api}/users/${user.id}/contact_methods/${user.contactMethodId}`, html_url: null }],
    notification_rules: [{ id: user.notificationRuleId, type: "assignment_notification_rule_reference", summary: "0 minutes: channel email", self: `${ctx.api}/users/${user.id}/notification_rules/${user.notificationRuleId}`, html_url: null }],
  };
}

function targetRef(ctx: ShapeContext, target: PdPolicy["rules"][number]["targets"][number]): Reference | null {
  if (target.type === "user") {
    const user = ctx.state.users.get(target.id);
    return user ? refs.user(ctx, user) : null;
  }
  const schedule = ctx.state.schedules.get(target.id);
  return schedule ? refs.schedule(ctx, schedule) : null;
}

export function policyBody(ctx: ShapeContext, policy: PdPolicy) {
  const services = [...ctx.state.services.values()].filter((service) => service.policyId === policy.id);
  return {
    id: policy.id,
    type: "escalation_policy",
    summary: policy.name,
    self: `${ctx.api}/escalation_policies/${policy.id}`,
    html_url: `${ctx.web}/escalation_policies/${policy.id}`,
    name: policy.name,
    description: policy.description,
    num_loops: policy.numLoops,
    on_call_handoff_notifications: "if_has_services",
    escalation_rules: policy.rules.map((rule) => ({
      id: rule.id,
      escalation_delay_in_minutes: rule.delayMinutes,
      targets: rule.targets.flatMap((target) => targetRef(ctx, target) ?? []),
    })),
    services: services.map((service) => refs.service(ctx, service)),
    teams: teamRefs(ctx, policy.teamIds),
  };
}

export function scheduleBody(ctx: ShapeContext, schedule: PdSchedule, options: { layers: boolean }) {
  const userIds = [...new Set(schedule.layers.flatMap((layer) => layer.userIds))];
  const policies = [...ctx.state.policies.values()].filter((policy) => policy.rules.some((rule) => rule.targets.some((target) => target.type === "schedule" && target.id === schedule.id)));
  const userRef = (id: string) => refs.user(ctx, ctx.state.users.get(id)!);
  return {
    id: schedule.id,
    type: "schedule",
    summary: schedule.name,
    self: `${ctx.api}/schedules/${schedule.id}`,
    html_url: `${ctx.web}/schedules/${schedule.id}`,
    name: schedule.name,
    time_zone: schedule.timeZone,
    description: schedule.description,
    escalation_policies: policies.map((policy) => refs.policy(ctx, policy)),
    users: userIds.map(userRef),
    teams: teamRefs(ctx, schedule.teamIds),
    ...(options.layers
      ? {
          schedule_layers: schedule.layers.map((layer) => ({
            id: layer.id,
            name: layer.name,
            start: iso(layer.start),
            ...(layer.end !== null ? { end: iso(layer.end) } : {}),
            rotation_virtual_start: iso(layer.rotationVirtualStart),
            rotation_turn_length_seconds: layer.turnSeconds,
            users: layer.userIds.map((id) => ({ user: userRef(id) })),
            restrictions: [],
          })),
        }
      : {}),
  };
}

export function serviceBody(ctx: ShapeContext, service: PdService) {
  const policy = ctx.state.policies.get(service.policyId)!;
  const lastIncident = ctx.state.lastIncidentAt(service);
  return {
    id: service.id,
    type: "service",
    summary: service.name,
    self: `${ctx.api}/services/${service.id}`,
    html_url: `${ctx.web}/service-directory/${service.id}`,
    name: service.name,
    description: service.description,
    auto_resolve_timeout: service.autoResolveTimeout,
    acknowledgement_timeout: service.acknowledgementTimeout,
    created_at: iso(service.createdAt),
    status: ctx.state.serviceStatus(service),
    ...(lastIncident !== null ? { last_incident_timestamp: iso(lastIncident) } : {}),
    escalation_policy: refs.policy(ctx, policy),
    teams: teamRefs(ctx, service.teamIds),
    integrations: [
      {
        id: service.integrationId,
        type: "events_api_v2_inbound_integration_reference",
        summary: "Events API V2",
        self: `${ctx.api}/services/${service.id}/integrations/${service.integrationId}`,
        html_url: `${ctx.web}/services/${service.id}/integrations/${service.integrationId}`,
      },
    ],
    incident_urgency_rule: { type: "constant", urgency: "high" },
    alert_creation: "create_alerts_and_incidents",
    auto_pause_notifications_parameters: { enabled: false, timeout: 0 },
  };
}

function actorRef(ctx: ShapeContext, actor: PdIncident["lastChangeBy"]): Reference | null {
  if (actor.type === "user") {
    const user = ctx.state.users.get(actor.id);
    return user ? refs.user(ctx, user) : null;
  }
  const service = ctx.state.services.get(actor.id);
  return service ? refs.service(ctx, service) : null;
}

export function incidentBody(ctx: ShapeContext, incident: PdIncident) {
  const service = ctx.state.services.get(incident.serviceId)!;
  const policy = ctx.state.policies.get(service.policyId)!;
  const userRef = (id: string) => {
    const user = ctx.state.users.get(id);
    return user ? refs.user(ctx, user) : null;
  };
  const lastChangeBy = actorRef(ctx, incident.lastChangeBy);
  return {
    id: incident.id,
    type: "incident",
    summary: `[#${incident.number}] ${incident.title}`,
    self: `${ctx.api}/incidents/${incident.id}`,
    html_url: `${ctx.web}/incidents/${incident.id}`,
    incident_number: incident.number,
    title: incident.title,
    created_at: iso(incident.createdAt),
    updated_at: iso(incident.updatedAt),
    status: incident.status,
    incident_key: incident.incidentKey,
    service: refs.service(ctx, service),
    assignments: incident.assigneeIds.flatMap((id) => {
      const assignee = userRef(id);
      return assignee ? [{ at: iso(incident.createdAt), assignee }] : [];
    }),
    assigned_via: "escalation_policy",
    last_status_change_at: iso(incident.lastChangeAt),
    // The live API sends null while the incident is open (the spec says string: a known inconsistency).
    resolved_at: incident.resolvedAt === null ? null : iso(incident.resolvedAt),
    first_trigger_log_entry: {
      id: incident.logEntryId,
      type: "trigger_log_entry_reference",
      summary: incident.origin === "events" ? "Triggered through the API" : incident.origin === "api" ? "Triggered through the website" : "Triggered through the API",
      self: `${ctx.api}/log_entries/${incident.logEntryId}?incident_id=${incident.id}`,
      html_url: `${ctx.web}/incidents/${incident.id}/log_entries/${incident.logEntryId}`,
    },
    alert_counts: { all: incident.alertCount, triggered: incident.status === "resolved" ? 0 : incident.alertCount, resolved: incident.status === "resolved" ? incident.alertCount : 0 },
    is_mergeable: true,
    incident_type: { name: "incident_default" },
    escalation_policy: refs.policy(ctx, policy),
    teams: teamRefs(ctx, service.teamIds),
    pending_actions: [],
    acknowledgements: incident.acknowledgerIds.flatMap((id) => {
      const acknowledger = userRef(id);
      return acknowledger ? [{ at: iso(incident.acknowledgedAt ?? incident.updatedAt), acknowledger }] : [];
    }),
    ...(lastChangeBy ? { last_status_change_by: lastChangeBy } : {}),
    incidents_responders: [],
    responder_requests: [],
    urgency: incident.urgency,
  };
}

export function oncallBody(ctx: ShapeContext, entry: OncallEntry, options: { fullUsers: boolean }) {
  const policy = ctx.state.policies.get(entry.policyId)!;
  const user = ctx.state.users.get(entry.userId)!;
  const schedule = entry.scheduleId ? ctx.state.schedules.get(entry.scheduleId) : undefined;
  return {
    escalation_policy: refs.policy(ctx, policy),
    escalation_level: entry.level,
    // include[]=users expands the reference into the whole user, as PagerDuty does.
    user: options.fullUsers ? userBody(ctx, user) : refs.user(ctx, user),
    // Permanent on-calls (a user targeted directly) have no schedule and no bounds.
    schedule: schedule ? refs.schedule(ctx, schedule) : null,
    start: entry.start === null ? null : iso(entry.start),
    end: entry.end === null ? null : iso(entry.end),
  };
}
