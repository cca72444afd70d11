import { Random } from "../shared/random";
import { DOMAINS, FIRST_NAMES, LAST_NAMES } from "../github/seed-vocabulary";
import { DAY, HOUR, MINUTE, pdId, type PagerdutyAccountData, type PdIncident, type PdLayer, type PdPolicy, type PdSchedule, type PdService, type PdTeam, type PdUser } from "./model";
import { firstResponder } from "./oncalls";

// Deterministic PagerDuty accounts of any size (10 to 2,000+ services): the same options, seed and
// anchor time give identical data. Everything time-based (rotations, incidents) is placed
// relative to `now`, so "on call now", "next on call" and "resolved this week" always exist.

export type SeedPagerdutyOptions = {
  /** The account's subdomain (html_url host): default "acme". */
  subdomain?: string;
  /** Default: serviceNames.length, else 30. */
  services?: number;
  /** Names for the first services (e.g. the catalog's component names), in order. */
  serviceNames?: string[];
  /** Ids for the first services, in order (e.g. the catalog's pagerduty.com/service-id annotations). */
  serviceIds?: string[];
  /** Named people for the first users (e.g. the portal org's members, so they can trigger incidents as themselves). */
  people?: { name: string; email: string }[];
  /** Default: services / 8, at least 2. */
  teams?: number;
  /** Default: services × 1.2, at least 8. */
  users?: number;
  seed?: number | string;
  /** The clock the data is placed around (epoch ms). Default: Date.now(), to the minute. */
  now?: number;
  /** Resolved incidents per service over the last 30 days (default 2). */
  incidentsPerService?: number;
  /** Open (triggered or acknowledged) incidents. Default: services / 12, at least 2. */
  openIncidents?: number;
  /** Extra resolved incidents packed into the last `historicalDays` days (default 0): enough of them exceed PagerDuty's 10,000-record listing cap. */
  historicalIncidents?: number;
  /** Default 5. */
  historicalDays?: number;
  /** Forces every rotation's turn length (hours); default: a mix of weekly, daily and 12-hour turns. */
  rotationTurnHours?: number;
};

const SERVICE_SUFFIXES = ["api", "service", "worker", "gateway", "web", "jobs", "pipeline", "sync", "proxy", "graphql"];
const SERVICE_VARIANTS = ["", "internal-", "legacy-", "", "-v2", "edge-"];
const TIME_ZONES = ["UTC", "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney"];
const COLORS = ["green", "red", "purple", "teal", "orange", "blue", "brown", "cayenne", "crimson", "forest-green"];
const JOB_TITLES = ["Software Engineer", "Senior Engineer", "Staff Engineer", "SRE", "Engineering Manager", "Platform Engineer"];
const INCIDENT_TITLES = [
  "High error rate on {s}",
  "{s} p99 latency above SLO",
  "Disk usage above 90% on {s}-db",
  "{s}: health check failing",
  "Elevated 5xx responses from {s}",
  "Queue backlog growing in {s}",
  "TLS certificate for {s} expires in 7 days",
  "Memory pressure on {s} pods",
  "{s} deploy failed to roll out",
  "Replication lag on the {s} database",
];
const WEEK_SECONDS = 7 * 86_400;

function titleCase(slug: string): string {
  return slug.split("-").map((word) => (word ? word[0]!.toUpperCase() + word.slice(1) : word)).join(" ");
}

function hex(random: Random, length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(random.next() * 16).toString(16);
  return out;
}

/** A 32-character Events API integration key, as PagerDuty issues them. */
export function integrationKeyFor(seed: string, index: number): string {
  return hex(new Random(`${seed}:integration:${index}`), 32);
}

export function incidentTitle(random: Random, serviceName: string): string {
  return random.pick(INCIDENT_TITLES).replace("{s}", serviceName);
}

function seedTeams(random: Random, count: number): PdTeam[] {
  const domains = random.sample(DOMAINS, Math.min(count, DOMAINS.length));
  return Array.from({ length: count }, (_, index) => {
    const domain = domains[index % domains.length]!;
    const round = Math.floor(index / domains.length);
    const name = round === 0 ? titleCase(domain) : `${titleCase(domain)} ${round + 1}`;
    return { id: pdId("team", index), name, description: `Owns the ${domain} services and their on-call` };
  });
}

function seedUsers(random: Random, count: number, teams: PdTeam[], subdomain: string, people: { name: string; email: string }[]): PdUser[] {
  const emails = new Set<string>(people.map((person) => person.email.toLowerCase()));
  return Array.from({ length: count }, (_, index) => {
    // Drawn even for a named person, so naming people leaves everyone else's data unchanged.
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const person = people[index];
    let email = person ? person.email.toLowerCase() : `${first}.${last}@${subdomain}.example`.toLowerCase();
    if (!person) for (let suffix = 2; emails.has(email); suffix++) email = `${first}.${last}${suffix}@${subdomain}.example`.toLowerCase();
    emails.add(email);
    // Every team gets members first (round robin), then people land where the dice say.
    const home = teams[index % teams.length]!;
    const teamIds = random.chance(0.15) && teams.length > 1 ? [home.id, random.pick(teams.filter((team) => team !== home)).id] : [home.id];
    return {
      id: pdId("user", index),
      name: person?.name ?? `${first} ${last}`,
      email,
      timeZone: random.pick(TIME_ZONES),
      color: random.pick(COLORS),
      role: index === 0 ? "owner" : random.chance(0.08) ? "admin" : random.chance(0.05) ? "observer" : "user",
      jobTitle: random.pick(JOB_TITLES),
      teamIds,
      contactMethodId: pdId("contactMethod", index),
      notificationRuleId: pdId("notificationRule", index),
    };
  });
}

function turnSecondsFor(random: Random, forcedHours: number | undefined): number {
  if (forcedHours !== undefined) return Math.max(1, Math.round(forcedHours * 3600));
  const roll = random.next();
  return roll < 0.5 ? WEEK_SECONDS : roll < 0.8 ? 86_400 : 43_200;
}

type LayerCounter = { next: number };

function seedSchedule(random: Random, index: number, name: string, members: PdUser[], teamId: string, now: number, layerIds: LayerCounter, forcedHours: number | undefined): PdSchedule {
  const created = now - random.int(120, 700) * DAY;
  const rotation = (start: number, end: number | null, layerNumber: number): PdLayer => {
    const turnSeconds = turnSecondsFor(random, forcedHours);
    // Hand-offs at a whole hour, as people configure them (Monday 09:00, 17:00 daily...).
    const virtualStart = Math.floor((start - random.int(0, 6) * DAY) / HOUR) * HOUR + random.pick([9, 10, 17]) * HOUR;
    return {
      id: pdId("layer", layerIds.next++),
      name: `Layer ${layerNumber}`,
      start,
      end,
      rotationVirtualStart: virtualStart,
      turnSeconds,
      userIds: random.sample(members, Math.min(members.length, random.int(2, 5))).map((user) => user.id),
    };
  };
  // A third of the schedules were edited once: the old layer ended where the new one starts.
  const layers = random.chance(0.3)
    ? (() => {
        const changed = now - random.int(3, 60) * DAY;
        return [rotation(created, changed, 1), rotation(changed, null, 2)];
      })()
    : [rotation(created, null, 1)];
  return { id: pdId("schedule", index), name, description: `${name} rotation`, timeZone: random.pick(TIME_ZONES), layers, teamIds: [teamId] };
}

function serviceNamesFor(random: Random, count: number, given: string[]): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  for (const name of given.slice(0, count)) {
    names.push(name);
    used.add(name);
  }
  const domains = [...DOMAINS];
  for (let attempt = 0; names.length < count; attempt++) {
    const variant = attempt < 4_000 ? random.pick(SERVICE_VARIANTS) : "";
    const base = `${random.pick(domains)}-${random.pick(SERVICE_SUFFIXES)}`;
    let name = variant.startsWith("-") ? `${base}${variant}` : `${variant}${base}`;
    if (attempt >= 4_000) name = `${base}-${attempt}`;
    if (used.has(name)) continue;
    used.add(name);
    names.push(name);
  }
  return names;
}

export function seedPagerdutyAccount(options: SeedPagerdutyOptions = {}): PagerdutyAccountData {
  const seed = String(options.seed ?? 1);
  const now = options.now ?? Math.floor(Date.now() / MINUTE) * MINUTE;
  const subdomain = options.subdomain ?? "acme";
  const serviceCount = options.services ?? (options.serviceNames?.length || 30);
  const teamCount = options.teams ?? Math.max(2, Math.round(serviceCount / 8));
  const userCount = Math.max(options.users ?? Math.max(8, Math.round(serviceCount * 1.2)), options.people?.length ?? 0);
  const random = (section: string) => new Random(`${seed}:${section}`);

  const teams = seedTeams(random("teams"), teamCount);
  const users = seedUsers(random("users"), userCount, teams, subdomain, options.people ?? []);
  const membersOf = new Map<string, PdUser[]>(teams.map((team) => [team.id, users.filter((user) => user.teamIds.includes(team.id))]));

  // Policies: one per one-to-three services, each owned by a team, two levels deep.
  const policyRandom = random("policies");
  const policyCount = Math.max(1, Math.ceil(serviceCount * 0.6));
  const schedules: PdSchedule[] = [];
  const policies: PdPolicy[] = [];
  const layerIds: LayerCounter = { next: 0 };
  const perTeam = new Map<string, number>();
  for (let index = 0; index < policyCount; index++) {
    const team = teams[index % teams.length]!;
    const ordinal = (perTeam.get(team.id) ?? 0) + 1;
    perTeam.set(team.id, ordinal);
    const name = ordinal === 1 ? `${team.name} On-Call` : `${team.name} On-Call ${ordinal}`;
    const members = (membersOf.get(team.id) ?? []).length >= 2 ? membersOf.get(team.id)! : users;
    const primary = seedSchedule(policyRandom, schedules.length, `${name} - Primary`, members, team.id, now, layerIds, options.rotationTurnHours);
    schedules.push(primary);
    const rules: PdPolicy["rules"] = [{ id: pdId("rule", index * 2), delayMinutes: policyRandom.pick([15, 30]), targets: [{ type: "schedule", id: primary.id }] }];
    if (policyRandom.chance(0.8)) {
      const secondary = seedSchedule(policyRandom, schedules.length, `${name} - Secondary`, members, team.id, now, layerIds, options.rotationTurnHours);
      schedules.push(secondary);
      rules.push({ id: pdId("rule", index * 2 + 1), delayMinutes: 30, targets: [{ type: "schedule", id: secondary.id }] });
    } else {
      // The team's manager as a direct target: permanently on call at level 2.
      rules.push({ id: pdId("rule", index * 2 + 1), delayMinutes: 30, targets: [{ type: "user", id: policyRandom.pick(members).id }] });
    }
    policies.push({ id: pdId("policy", index), name, description: `Escalation for ${team.name} services`, numLoops: policyRandom.pick([0, 1, 2]), rules, teamIds: [team.id] });
  }

  const serviceRandom = random("services");
  const names = serviceNamesFor(serviceRandom, serviceCount, options.serviceNames ?? []);
  const services: PdService[] = names.map((name, index) => {
    const policy = policies[Math.floor((index * policyCount) / serviceCount)]!;
    const roll = serviceRandom.next();
    return {
      id: options.serviceIds?.[index] ?? pdId("service", index),
      name,
      description: `${titleCase(name)} (production)`,
      baseStatus: roll < 0.03 ? "maintenance" : roll < 0.05 ? "disabled" : "active",
      policyId: policy.id,
      teamIds: [...policy.teamIds],
      createdAt: now - serviceRandom.int(90, 1500) * DAY,
      integrationId: pdId("integration", index),
      integrationKey: integrationKeyFor(seed, index),
      autoResolveTimeout: serviceRandom.pick([14_400, 86_400]),
      acknowledgementTimeout: serviceRandom.pick([600, 1800]),
    };
  });

  const incidents = seedIncidents(random("incidents"), { services, policies, schedules, users, now, options });
  return { subdomain, teams, users, schedules, policies, services, incidents, seed, anchor: now };
}

type IncidentWorld = { services: PdService[]; policies: PdPolicy[]; schedules: PdSchedule[]; users: PdUser[]; now: number; options: SeedPagerdutyOptions };

function seedIncidents(random: Random, world: IncidentWorld): PdIncident[] {
  const { services, now, options } = world;
  const policyById = new Map(world.policies.map((policy) => [policy.id, policy]));
  const scheduleById = new Map(world.schedules.map((schedule) => [schedule.id, schedule]));
  const fallbackUser = world.users[0]!.id;
  // A few noisy services get most incidents, as in real life.
  const noisy = (): PdService => services[random.skewed(0, services.length - 1, 2.5)]!;
  const plans: { service: PdService; createdAt: number; resolvedAt: number | null; acknowledged: boolean }[] = [];

  const resolvedCount = Math.round(services.length * (options.incidentsPerService ?? 2));
  for (let index = 0; index < resolvedCount; index++) {
    const createdAt = now - random.int(7 * 60, 30 * 24 * 60) * MINUTE - random.int(0, 59) * 1000;
    plans.push({ service: noisy(), createdAt, resolvedAt: createdAt + random.int(5, 6 * 60) * MINUTE, acknowledged: random.chance(0.9) });
  }
  const historicalDays = options.historicalDays ?? 5;
  for (let index = 0; index < (options.historicalIncidents ?? 0); index++) {
    const createdAt = now - HOUR - Math.floor(random.next() * (historicalDays * DAY - HOUR));
    plans.push({ service: noisy(), createdAt, resolvedAt: Math.min(now - MINUTE, createdAt + random.int(1, 50) * MINUTE), acknowledged: random.chance(0.7) });
  }
  const openCount = options.openIncidents ?? Math.max(2, Math.round(services.length / 12));
  for (let index = 0; index < openCount; index++) {
    plans.push({ service: noisy(), createdAt: now - random.int(2, 48 * 60) * MINUTE, resolvedAt: null, acknowledged: random.chance(0.5) });
  }
  plans.sort((a, b) => a.createdAt - b.createdAt);

  return plans.map((plan, index): PdIncident => {
    const policy = policyById.get(plan.service.policyId)!;
    const responder = firstResponder(policy, scheduleById, plan.createdAt) ?? fallbackUser;
    const acknowledgedAt = plan.acknowledged ? plan.createdAt + random.int(1, 20) * MINUTE : null;
    const open = plan.resolvedAt === null;
    const status = open ? (acknowledgedAt !== null && acknowledgedAt < now ? "acknowledged" : "triggered") : "resolved";
    const lastChangeAt = plan.resolvedAt ?? (status === "acknowledged" ? acknowledgedAt! : plan.createdAt);
    return {
      id: pdId("incident", index),
      number: index + 1,
      title: incidentTitle(random, plan.service.name),
      description: null,
      serviceId: plan.service.id,
      status,
      urgency: random.chance(0.7) ? "high" : "low",
      createdAt: plan.createdAt,
      updatedAt: lastChangeAt,
      acknowledgedAt: status === "triggered" ? null : acknowledgedAt,
      resolvedAt: plan.resolvedAt,
      incidentKey: hex(random, 32),
      assigneeIds: open ? [responder] : [],
      acknowledgerIds: status === "acknowledged" ? [responder] : [],
      lastChangeAt,
      lastChangeBy: status === "triggered" ? { type: "service", id: plan.service.id } : { type: "user", id: responder },
      alertCount: random.int(1, 3),
      logEntryId: pdId("logEntry", index),
      origin: "seed",
    };
  });
}

export type PagerdutySeedSummary = { services: number; teams: number; users: number; schedules: number; escalationPolicies: number; incidents: number; openIncidents: number };

export function describePagerdutySeed(data: PagerdutyAccountData): PagerdutySeedSummary {
  return {
    services: data.services.length,
    teams: data.teams.length,
    users: data.users.length,
    schedules: data.schedules.length,
    escalationPolicies: data.policies.length,
    incidents: data.incidents.length,
    openIncidents: data.incidents.filter((incident) => incident.status !== "resolved").length,
  };
}
