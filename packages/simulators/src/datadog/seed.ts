import { dashboardId, hexId, pagerdutyId, Random, slackChannelId, slugify, uuid, weighted } from "./ids";
import type {
  DatadogDashboard,
  DatadogIncident,
  DatadogMonitor,
  DatadogOrgData,
  DatadogService,
  DatadogSlo,
  DatadogUser,
  IngestedVersion,
  ServiceContact,
  ServiceLink,
  SloThreshold,
  SloTimeframe,
} from "./model";
import {
  DATADOG_LANGUAGES,
  DOMAINS,
  FIRST_NAMES,
  INCIDENT_SEVERITIES,
  INCIDENT_TITLES,
  INFRA_MONITORS,
  LAST_NAMES,
  LIFECYCLES,
  MONITOR_STATE_WEIGHTS,
  MONITOR_TEMPLATES,
  REPO_KINDS,
  SERVICE_TYPES,
  SLO_TARGETS,
  TEAM_SUFFIXES,
} from "./seed-vocabulary";

// Deterministic Datadog organisations of any size (a handful of services to 20,000+ monitors):
// the same options give the same org, byte for byte. Service names can be given, so that the
// demo's GitHub repositories, PagerDuty services and Datadog services describe the same system.

export type SeedDatadogOrgOptions = {
  /** Org name; also the default GitHub org, PagerDuty subdomain and e-mail domain. Default "acme". */
  org?: string;
  /** Number of service definitions. Default: serviceNames.length, else 30. */
  services?: number;
  /** Names for the first services (catalog component names); the rest are generated. */
  serviceNames?: string[];
  /**
   * PagerDuty service id per service name. When given, exactly these services link to PagerDuty
   * (https://<pagerdutySubdomain>.pagerduty.com/service-directory/<id>); otherwise about 70% do,
   * with generated ids.
   */
  pagerdutyServiceIds?: Record<string, string>;
  pagerdutySubdomain?: string;
  /** Repository links point at https://github.com/<githubOrg>/<service>. */
  githubOrg?: string;
  /** Team handles to own services; default generated (services / 8, at least 3). */
  teamNames?: string[];
  teams?: number;
  /** Default services × 4. */
  monitors?: number;
  /** Default one per service. */
  slos?: number;
  /** Default 60% of services + 2 general dashboards. */
  dashboards?: number;
  /** Default min(20, services). */
  incidents?: number;
  /** Versions definitions were ingested as, round-robin. Default all of v2, v2.1, v2.2. */
  schemaVersions?: IngestedVersion[];
  seed?: number | string;
  /** The world's "now" in epoch ms (times are spread before it). Default Date.now(). */
  now?: number;
  appUrl?: string;
  emailDomain?: string;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function generatedNames(random: Random, count: number, taken: Set<string>): string[] {
  const kinds = REPO_KINDS.filter((kind) => kind.componentType === "service" || kind.componentType === "worker" || kind.componentType === "website");
  const names: string[] = [];
  let attempt = 0;
  while (names.length < count) {
    const base = `${random.pick(DOMAINS)}-${random.pick(kinds).suffix}`;
    const name = attempt > DOMAINS.length * kinds.length ? `${base}-${attempt}` : base;
    attempt++;
    if (taken.has(name)) continue;
    taken.add(name);
    names.push(name);
  }
  return names;
}

function seedUsers(random: Random, count: number, domain: string): DatadogUser[] {
  return Array.from({ length: count }, (_, index) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const email = `${first}.${last}${index}@${domain}`.toLowerCase();
    return { id: 1_400_000 + index * 17, name: `${first} ${last}`, handle: email, email };
  });
}

function teamHandles(random: Random, options: SeedDatadogOrgOptions, services: number): string[] {
  if (options.teamNames?.length) return [...options.teamNames];
  const count = options.teams ?? Math.max(3, Math.ceil(services / 8));
  const handles = new Set<string>();
  while (handles.size < count) {
    const handle = handles.size < DOMAINS.length ? random.pick(DOMAINS) : `${random.pick(DOMAINS)}-${random.pick(TEAM_SUFFIXES)}`;
    handles.add(handles.has(handle) ? `${handle}-${random.pick(TEAM_SUFFIXES)}` : handle);
  }
  return [...handles].slice(0, count);
}

type ServicePlan = { service: DatadogService; hasDashboard: boolean };

function seedService(random: Random, name: string, index: number, context: { options: SeedDatadogOrgOptions; org: string; teams: string[]; versions: IngestedVersion[]; now: number; domain: string }): DatadogService {
  const { options, org, teams, versions, now, domain } = context;
  const version = versions[index % versions.length]!;
  const team = random.chance(0.95) ? teams[index % teams.length]! : null;
  const rich = version !== "v2";
  const kind = REPO_KINDS.find((candidate) => name.endsWith(`-${candidate.suffix}`));
  const contacts: ServiceContact[] = [{ name: "Team e-mail", type: "email", contact: `${team ?? "oncall"}@${domain}` }];
  if (random.chance(0.7)) contacts.push({ name: "Team channel", type: "slack", contact: `https://${org}.slack.com/archives/${slackChannelId(random)}` });
  if (random.chance(0.05)) contacts.push({ name: "Teams channel", type: "microsoft-teams", contact: `https://teams.microsoft.com/l/channel/${team ?? "oncall"}` });
  const links: ServiceLink[] = [{ name: "Runbook", type: "runbook", url: `https://wiki.${domain}/runbooks/${name}` }];
  if (random.chance(0.9)) links.push({ name: "Source code", type: "repo", provider: "GitHub", url: `https://github.com/${options.githubOrg ?? org}/${name}` });
  if (random.chance(0.3)) links.push({ name: "Architecture", type: "doc", provider: "Confluence", url: `https://wiki.${domain}/display/ENG/${name}-architecture` });
  if (rich && random.chance(0.1)) links.push({ name: "Status page", type: "other", url: `https://status.${domain}/${name}` });
  let pagerdutyUrl: string | null = null;
  const subdomain = options.pagerdutySubdomain ?? org;
  if (options.pagerdutyServiceIds) {
    const id = options.pagerdutyServiceIds[name];
    if (id) pagerdutyUrl = `https://${subdomain}.pagerduty.com/service-directory/${id}`;
  } else if (random.chance(0.7)) pagerdutyUrl = `https://${subdomain}.pagerduty.com/service-directory/${pagerdutyId(random)}`;
  const languages = kind ? [...new Set(kind.languages.map((language) => DATADOG_LANGUAGES[language]).filter((value): value is string => Boolean(value)))].slice(0, 2) : [];
  return {
    id: hexId(random),
    name,
    ingestedVersion: version,
    team,
    application: rich && random.chance(0.6) ? name.split("-")[0]! : null,
    description: rich ? (kind ? kind.describe(name.split("-")[0]!) : `The ${name} service`) : null,
    tier: rich ? random.pick(["1", "1", "2", "2", "2", "3"]) : null,
    lifecycle: rich ? weighted(random, LIFECYCLES) : null,
    type: version === "v2.2" ? weighted(random, SERVICE_TYPES) : null,
    languages: version === "v2.2" ? languages : [],
    contacts,
    links,
    tags: ["env:prod", ...(team ? [`team:${team}`] : [])],
    pagerdutyUrl,
    lastModified: new Date(now - random.int(1, 400) * DAY).toISOString().replace(/\.\d{3}Z$/, "Z"),
    origin: random.pick(["api", "github", "terraform"]),
  };
}

function seedMonitors(random: Random, count: number, services: DatadogService[], users: DatadogUser[], now: number): DatadogMonitor[] {
  const monitors: DatadogMonitor[] = [];
  let id = 20_000_000 + random.int(0, 999_999);
  for (let index = 0; index < count; index++) {
    id += random.int(1, 9);
    const created = now - random.int(30, 900) * DAY;
    const state = weighted(random, MONITOR_STATE_WEIGHTS);
    const common = {
      id,
      priority: random.chance(0.6) ? random.int(1, 5) : null,
      state,
      stateModified: now - random.int(5, 14 * 24 * 60) * MINUTE,
      created,
      modified: created + random.int(0, 20) * DAY,
      creator: random.pick(users),
      multi: random.chance(0.5),
    };
    const service = services.length > 0 && random.chance(0.96) ? random.pick(services) : null;
    if (!service) {
      const infra = random.pick(INFRA_MONITORS);
      monitors.push({ ...common, name: `${infra.name} (${index})`, type: "metric alert", query: infra.query, message: "Notify @slack-infra-alerts", tags: ["env:prod", "team:infra"], critical: 1, warning: null, metrics: [infra.metric] });
      continue;
    }
    const template = random.pick(MONITOR_TEMPLATES);
    const handle = service.team ? `@slack-${service.team}-alerts` : "@oncall";
    monitors.push({
      ...common,
      name: template.name(service.name),
      type: template.type,
      query: template.query(service.name),
      message: `${template.name(service.name)}. Runbook: ${service.links[0]?.url ?? "n/a"} ${handle}`,
      tags: [`service:${service.name}`, "env:prod", ...(service.team ? [`team:${service.team}`] : [])],
      critical: template.critical,
      warning: template.warning,
      metrics: [template.metric],
    });
  }
  return monitors;
}

function budgetPosition(random: Random): number | null {
  const roll = random.next();
  if (roll < 0.05) return null;
  if (roll < 0.11) return -Math.round(random.int(1, 60)) / 100;
  if (roll < 0.23) return random.int(1, 24) / 100;
  return random.int(30, 98) / 100;
}

function seedSlos(random: Random, count: number, services: DatadogService[], monitors: DatadogMonitor[], users: DatadogUser[], now: number): DatadogSlo[] {
  const byService = new Map<string, number[]>();
  for (const monitor of monitors) {
    const tag = monitor.tags.find((value) => value.startsWith("service:"));
    if (tag) byService.set(tag.slice(8), [...(byService.get(tag.slice(8)) ?? []), monitor.id]);
  }
  const slos: DatadogSlo[] = [];
  for (let index = 0; index < count && services.length > 0; index++) {
    const service = index < services.length ? services[index]! : random.pick(services);
    const latency = index >= services.length;
    const target = random.pick(SLO_TARGETS);
    const timeframe: SloTimeframe = weighted(random, [["30d", 0.7], ["7d", 0.25], ["90d", 0.05]] as const);
    const warning = Math.round((target + (100 - target) / 2) * 1000) / 1000;
    const thresholds: SloThreshold[] = [{ timeframe, target, warning }];
    if (timeframe !== "7d" && random.chance(0.3)) thresholds.push({ timeframe: "7d", target, warning });
    const monitorIds = byService.get(service.name) ?? [];
    const type = monitorIds.length > 0 && random.chance(0.3) ? "monitor" : "metric";
    const created = Math.floor((now - random.int(30, 600) * DAY) / 1000);
    slos.push({
      id: hexId(random),
      name: latency ? `${service.name} latency` : `${service.name} availability`,
      description: latency ? `Share of ${service.name} requests served under 300ms` : `Share of ${service.name} requests answered without a server error`,
      type,
      tags: [`service:${service.name}`, "env:prod", ...(service.team ? [`team:${service.team}`] : [])],
      thresholds,
      timeframe,
      monitorIds: type === "monitor" ? monitorIds.slice(0, 2) : [],
      query:
        type === "metric"
          ? {
              numerator: `sum:trace.http.request.hits{service:${service.name},env:prod,!http.status_class:5xx}.as_count()`,
              denominator: `sum:trace.http.request.hits{service:${service.name},env:prod}.as_count()`,
            }
          : null,
      budgetPosition: budgetPosition(random),
      created,
      modified: created + random.int(0, 30) * 86_400,
      creator: random.pick(users),
    });
  }
  return slos;
}

function seedDashboards(random: Random, count: number, plans: ServicePlan[], users: DatadogUser[], now: number, appUrl: string): DatadogDashboard[] {
  const general = ["Platform overview", "SLO summary"].slice(0, Math.min(2, count));
  const dashboards: DatadogDashboard[] = [];
  const make = (title: string): DatadogDashboard => {
    const id = dashboardId(random);
    const created = now - random.int(20, 700) * DAY;
    return {
      id,
      title,
      description: random.chance(0.5) ? `${title}, maintained by its owners` : null,
      layoutType: random.chance(0.7) ? "ordered" : "free",
      url: `/dashboard/${id}/${slugify(title)}`,
      authorHandle: random.pick(users).handle,
      created: new Date(created).toISOString(),
      modified: new Date(created + random.int(0, 15) * DAY).toISOString(),
      isReadOnly: random.chance(0.2),
    };
  };
  for (const title of general) dashboards.push(make(title));
  const withDashboard = random.sample(plans, Math.max(0, count - general.length));
  for (const plan of withDashboard) {
    const dashboard = make(`${plan.service.name} overview`);
    dashboards.push(dashboard);
    plan.service.links.push({ name: "Overview dashboard", type: "dashboard", url: `${appUrl}${dashboard.url}` });
    plan.hasDashboard = true;
  }
  return dashboards;
}

function seedIncidents(random: Random, count: number, services: DatadogService[], now: number): DatadogIncident[] {
  const incidents: DatadogIncident[] = [];
  for (let index = 0; index < count && services.length > 0; index++) {
    const service = random.pick(services);
    const state = weighted(random, [["resolved", 0.7], ["stable", 0.15], ["active", 0.15]] as const);
    const created = state === "resolved" ? now - random.int(2 * 24 * 60, 60 * 24 * 60) * MINUTE : now - random.int(10, 2 * 24 * 60) * MINUTE;
    const resolved = state === "resolved" ? created + random.int(20, 20 * 60) * MINUTE : null;
    const related = random.chance(0.2) ? [service.name, random.pick(services).name] : [service.name];
    const iso = (ms: number) => new Date(ms).toISOString();
    incidents.push({
      id: uuid(random),
      publicId: index + 1,
      title: random.pick(INCIDENT_TITLES)(service.name),
      severity: weighted(random, INCIDENT_SEVERITIES),
      state,
      created: iso(created),
      detected: iso(created - random.int(1, 30) * MINUTE),
      modified: iso(resolved ?? created + random.int(1, 60) * MINUTE),
      resolved: resolved ? iso(resolved) : null,
      services: [...new Set(related)],
      teams: service.team ? [service.team] : [],
      customerImpacted: random.chance(0.4),
      commanderId: random.chance(0.8) ? uuid(random) : null,
      createdById: uuid(random),
    });
  }
  // Datadog lists the newest first.
  return incidents.sort((a, b) => b.created.localeCompare(a.created));
}

export function seedDatadogOrg(options: SeedDatadogOrgOptions = {}): DatadogOrgData {
  const org = options.org ?? "acme";
  const seed = String(options.seed ?? 1);
  const random = new Random(`datadog:${org}:${seed}`);
  const now = options.now ?? Date.now();
  const appUrl = (options.appUrl ?? "https://app.datadoghq.com").replace(/\/+$/, "");
  const domain = options.emailDomain ?? `${org}.example`;
  const given = [...new Set(options.serviceNames ?? [])];
  const serviceCount = Math.max(options.services ?? (given.length || 30), given.length);
  const names = [...given, ...generatedNames(random, serviceCount - given.length, new Set(given))];
  const teams = teamHandles(random, options, serviceCount);
  const versions = options.schemaVersions?.length ? options.schemaVersions : (["v2", "v2.1", "v2.2"] as IngestedVersion[]);
  const users = seedUsers(random, 12, domain);

  const plans: ServicePlan[] = names.map((name, index) => ({ service: seedService(random, name, index, { options, org, teams, versions, now, domain }), hasDashboard: false }));
  const services = plans.map((plan) => plan.service);
  const monitors = seedMonitors(random, options.monitors ?? serviceCount * 4, services, users, now);
  const slos = seedSlos(random, options.slos ?? serviceCount, services, monitors, users, now);
  const dashboards = seedDashboards(random, options.dashboards ?? Math.ceil(serviceCount * 0.6) + 2, plans, users, now, appUrl);
  const incidents = seedIncidents(random, options.incidents ?? Math.min(20, serviceCount), services, now);
  return { orgId: 300_000 + (random.int(0, 99_999) % 100_000), name: org, appUrl, seed, services, monitors, slos, dashboards, incidents };
}

export function describeSeed(data: DatadogOrgData) {
  const versions: Record<string, number> = {};
  for (const service of data.services) versions[service.ingestedVersion] = (versions[service.ingestedVersion] ?? 0) + 1;
  return {
    services: data.services.length,
    versions,
    monitors: data.monitors.length,
    alerting: data.monitors.filter((monitor) => monitor.state === "Alert").length,
    slos: data.slos.length,
    dashboards: data.dashboards.length,
    incidents: data.incidents.length,
  };
}
