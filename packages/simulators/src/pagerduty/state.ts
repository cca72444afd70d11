import { createHash } from "node:crypto";

import { pdId, type PagerdutyAccountData, type PdActor, type PdIncident, type PdPolicy, type PdSchedule, type PdService, type PdTeam, type PdUrgency, type PdUser } from "./model";
import { firstResponder } from "./oncalls";

// The live account: indexes over the seeded records, the clock, and the incident lifecycle
// (trigger → acknowledge → resolve) shared by the Events API, POST /incidents, ticks and tests.

export type NewIncident = {
  serviceId: string;
  title: string;
  urgency?: PdUrgency;
  /** The dedup key; generated when absent. */
  incidentKey?: string;
  description?: string | null;
  /** Who opened it: a user (REST `From`) or the service's integration (Events API). */
  by?: PdActor;
  origin: PdIncident["origin"];
  /** Explicit assignees (REST); default: level 1's on-call now. */
  assigneeIds?: string[];
};

export class PagerdutyState {
  subdomain: string;
  seed: string;
  readonly teams = new Map<string, PdTeam>();
  readonly users = new Map<string, PdUser>();
  readonly schedules = new Map<string, PdSchedule>();
  readonly policies = new Map<string, PdPolicy>();
  readonly services = new Map<string, PdService>();
  /** Sorted by creation time (new incidents are appended: they are the newest). */
  incidents: PdIncident[] = [];
  private readonly incidentsById = new Map<string, PdIncident>();
  private readonly usersByEmail = new Map<string, PdUser>();
  private readonly servicesByKey = new Map<string, PdService>();
  /** Bumped on every change. */
  version = 0;
  /** Ticks run so far: each tick's dice are seeded by its number. */
  ticks = 0;
  /** A frozen clock (tests), or null to follow real time plus `clockOffsetMs`. */
  frozenAt: number | null = null;
  clockOffsetMs = 0;

  constructor(data: PagerdutyAccountData, clock: { now?: number } = {}) {
    this.subdomain = data.subdomain;
    this.seed = data.seed;
    this.frozenAt = clock.now ?? null;
    this.load(data);
  }

  load(data: PagerdutyAccountData): void {
    for (const map of [this.teams, this.users, this.schedules, this.policies, this.services, this.incidentsById, this.usersByEmail, this.servicesByKey]) map.clear();
    this.subdomain = data.subdomain;
    this.seed = data.seed;
    for (const team of data.teams) this.teams.set(team.id, team);
    for (const user of data.users) {
      this.users.set(user.id, user);
      this.usersByEmail.set(user.email.toLowerCase(), user);
    }
    for (const schedule of data.schedules) this.schedules.set(schedule.id, schedule);
    for (const policy of data.policies) this.policies.set(policy.id, policy);
    for (const service of data.services) {
      this.services.set(service.id, service);
      this.servicesByKey.set(service.integrationKey, service);
    }
    this.incidents = [...data.incidents].sort((a, b) => a.createdAt - b.createdAt || a.number - b.number);
    for (const incident of this.incidents) this.incidentsById.set(incident.id, incident);
    this.ticks = 0;
    this.version++;
  }

  now(): number {
    return (this.frozenAt ?? Date.now()) + this.clockOffsetMs;
  }

  advanceClock(seconds: number): void {
    this.clockOffsetMs += seconds * 1000;
    this.version++;
  }

  userByEmail(email: string): PdUser | undefined {
    return this.usersByEmail.get(email.trim().toLowerCase());
  }

  serviceByIntegrationKey(key: string): PdService | undefined {
    return this.servicesByKey.get(key);
  }

  incident(id: string): PdIncident | undefined {
    return this.incidentsById.get(id);
  }

  /** The open incident on a service with this dedup key, if any (PagerDuty dedups on it). */
  openIncident(serviceId: string, incidentKey: string): PdIncident | undefined {
    for (let index = this.incidents.length - 1; index >= 0; index--) {
      const incident = this.incidents[index]!;
      if (incident.serviceId === serviceId && incident.incidentKey === incidentKey && incident.status !== "resolved") return incident;
    }
    return undefined;
  }

  openIncidents(): PdIncident[] {
    return this.incidents.filter((incident) => incident.status !== "resolved");
  }

  /** PagerDuty derives a service's status from its open incidents. */
  serviceStatus(service: PdService): string {
    if (service.baseStatus !== "active") return service.baseStatus;
    return this.serviceIndex().status.get(service.id) ?? "active";
  }

  lastIncidentAt(service: PdService): number | null {
    return this.serviceIndex().lastIncident.get(service.id) ?? null;
  }

  private cachedIndex: { version: number; status: Map<string, string>; lastIncident: Map<string, number> } | null = null;

  /** Per-service status and last incident time, rebuilt once per change rather than per rendered service. */
  private serviceIndex() {
    if (this.cachedIndex?.version === this.version) return this.cachedIndex;
    const status = new Map<string, string>();
    const lastIncident = new Map<string, number>();
    for (const incident of this.incidents) {
      lastIncident.set(incident.serviceId, incident.createdAt);
      if (incident.status === "resolved") continue;
      if (incident.urgency === "high") status.set(incident.serviceId, "critical");
      else if (!status.has(incident.serviceId)) status.set(incident.serviceId, "warning");
    }
    this.cachedIndex = { version: this.version, status, lastIncident };
    return this.cachedIndex;
  }

  trigger(input: NewIncident): PdIncident {
    const service = this.services.get(input.serviceId);
    if (!service) throw new Error(`no service ${input.serviceId}`);
    const policy = this.policies.get(service.policyId)!;
    const at = this.now();
    const number = (this.incidents.at(-1)?.number ?? 0) + 1;
    const responder = firstResponder(policy, this.schedules, at);
    const incident: PdIncident = {
      id: pdId("incident", number - 1),
      number,
      title: input.title,
      description: input.description ?? null,
      serviceId: service.id,
      status: "triggered",
      urgency: input.urgency ?? "high",
      createdAt: at,
      updatedAt: at,
      acknowledgedAt: null,
      resolvedAt: null,
      incidentKey: input.incidentKey ?? createHash("sha1").update(`${this.seed}:incident:${number}`).digest("hex").slice(0, 32),
      assigneeIds: input.assigneeIds ?? (responder ? [responder] : []),
      acknowledgerIds: [],
      lastChangeAt: at,
      lastChangeBy: input.by ?? { type: "service", id: service.id },
      alertCount: 1,
      logEntryId: pdId("logEntry", number - 1),
      origin: input.origin,
    };
    this.incidents.push(incident);
    this.incidentsById.set(incident.id, incident);
    this.version++;
    return incident;
  }

  acknowledge(incident: PdIncident, by?: PdActor): void {
    if (incident.status !== "triggered") return;
    const at = this.now();
    const actor = by ?? (incident.assigneeIds[0] ? { type: "user" as const, id: incident.assigneeIds[0] } : { type: "service" as const, id: incident.serviceId });
    Object.assign(incident, { status: "acknowledged", acknowledgedAt: at, updatedAt: at, lastChangeAt: at, lastChangeBy: actor });
    if (actor.type === "user") incident.acknowledgerIds = [actor.id];
    this.version++;
  }

  resolve(incident: PdIncident, by?: PdActor): void {
    if (incident.status === "resolved") return;
    const at = this.now();
    const actor = by ?? (incident.assigneeIds[0] ? { type: "user" as const, id: incident.assigneeIds[0] } : { type: "service" as const, id: incident.serviceId });
    // Resolved incidents are assigned to nobody, as on PagerDuty.
    Object.assign(incident, { status: "resolved", resolvedAt: at, updatedAt: at, lastChangeAt: at, lastChangeBy: actor, assigneeIds: [] });
    this.version++;
  }

  /** A new alert on an open incident with the same dedup key. */
  addAlert(incident: PdIncident): void {
    incident.alertCount += 1;
    incident.updatedAt = this.now();
    this.version++;
  }
}
