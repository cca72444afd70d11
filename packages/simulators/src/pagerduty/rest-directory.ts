import { DAY, HOUR } from "./model";
import { earliestOnly, policyOncalls, type OncallEntry } from "./oncalls";
import { arrayParam, booleanParam, invalidInput, notFound, paginate, timeParam, type PdRequest, type Route } from "./routing";
import { oncallBody, policyBody, scheduleBody, serviceBody, teamBody, userBody } from "./shapes";

// The account's directory: services, escalation policies, schedules, on-calls, teams, users and
// abilities, with the filters and orderings PagerDuty documents for each listing.

const ABILITIES = ["teams", "read_only_users", "service_support_hours", "urgencies", "advanced_reports", "event_rules", "response_plays", "coordinated_responding"];

function byName<T extends { name: string; id: string }>(items: Iterable<T>, sortBy: string | null = null): T[] {
  const sorted = [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
  return sortBy === "name:desc" ? sorted.reverse() : sorted;
}

function matchesQuery(request: PdRequest, ...fields: string[]): boolean {
  const query = request.url.searchParams.get("query")?.trim().toLowerCase();
  return !query || fields.some((field) => field.toLowerCase().includes(query));
}

function inTeams(request: PdRequest, teamIds: string[]): boolean {
  const wanted = arrayParam(request.url, "team_ids");
  return wanted.length === 0 || teamIds.some((id) => wanted.includes(id));
}

function listServices(request: PdRequest) {
  const name = request.url.searchParams.get("name");
  const services = byName(request.state.services.values(), request.url.searchParams.get("sort_by")).filter(
    (service) => matchesQuery(request, service.name) && inTeams(request, service.teamIds) && (name === null || service.name === name),
  );
  const { page, ...paging } = paginate(request, services, (service) => serviceBody(request.shapes, service));
  return { status: 200, body: { services: page, ...paging } };
}

function getService(request: PdRequest) {
  const service = request.state.services.get(request.params.id ?? "");
  if (!service) throw notFound();
  return { status: 200, body: { service: serviceBody(request.shapes, service) } };
}

function listPolicies(request: PdRequest) {
  const userIds = arrayParam(request.url, "user_ids");
  const { state } = request;
  const targetsUser = (policy: { rules: { targets: { type: string; id: string }[] }[] }) =>
    policy.rules.some((rule) =>
      rule.targets.some((target) => (target.type === "user" ? userIds.includes(target.id) : state.schedules.get(target.id)?.layers.some((layer) => layer.userIds.some((id) => userIds.includes(id))))),
    );
  const policies = byName(state.policies.values(), request.url.searchParams.get("sort_by")).filter(
    (policy) => matchesQuery(request, policy.name) && inTeams(request, policy.teamIds) && (userIds.length === 0 || targetsUser(policy)),
  );
  const { page, ...paging } = paginate(request, policies, (policy) => policyBody(request.shapes, policy));
  return { status: 200, body: { escalation_policies: page, ...paging } };
}

function listSchedules(request: PdRequest) {
  const layers = arrayParam(request.url, "include").includes("schedule_layers");
  const schedules = byName(request.state.schedules.values()).filter((schedule) => matchesQuery(request, schedule.name) && inTeams(request, schedule.teamIds));
  const { page, ...paging } = paginate(request, schedules, (schedule) => scheduleBody(request.shapes, schedule, { layers }), { defaultLimit: 100 });
  return { status: 200, body: { schedules: page, ...paging } };
}

/**
 * On-calls overlapping [since, until] (both default to now), filtered by policies, schedules and
 * users; `earliest=true` keeps each (policy, level, user)'s first one, which is how clients ask
 * "who is next". PagerDuty renders at most 90 days ahead.
 */
function listOncalls(request: PdRequest) {
  const { state } = request;
  const now = state.now();
  const since = timeParam(request.url, "since") ?? now;
  const until = timeParam(request.url, "until") ?? (request.url.searchParams.has("since") ? since : now);
  if (until < since) throw invalidInput("The until time cannot be before the since time");
  if (until - since > 90 * DAY + HOUR) throw invalidInput("The time range cannot exceed 90 days");
  const policyIds = arrayParam(request.url, "escalation_policy_ids");
  const scheduleIds = arrayParam(request.url, "schedule_ids");
  const userIds = arrayParam(request.url, "user_ids");
  let entries: OncallEntry[] = [];
  for (const policy of state.policies.values()) {
    if (policyIds.length > 0 && !policyIds.includes(policy.id)) continue;
    entries.push(...policyOncalls(policy, state.schedules, since, until));
  }
  entries = entries.filter(
    (entry) =>
      (userIds.length === 0 || userIds.includes(entry.userId)) &&
      // "null" in schedule_ids asks for the permanent on-calls of directly targeted users.
      (scheduleIds.length === 0 || scheduleIds.includes(entry.scheduleId ?? "null")),
  );
  if (booleanParam(request.url, "earliest")) entries = earliestOnly(entries);
  const fullUsers = arrayParam(request.url, "include").includes("users");
  const { page, ...paging } = paginate(request, entries, (entry) => oncallBody(request.shapes, entry, { fullUsers }));
  return { status: 200, body: { oncalls: page, ...paging } };
}

function listTeams(request: PdRequest) {
  const teams = byName(request.state.teams.values()).filter((team) => matchesQuery(request, team.name));
  const { page, ...paging } = paginate(request, teams, (team) => teamBody(request.shapes, team), { defaultLimit: 100 });
  return { status: 200, body: { teams: page, ...paging } };
}

function listUsers(request: PdRequest) {
  const users = byName(request.state.users.values()).filter((user) => matchesQuery(request, user.name, user.email) && inTeams(request, user.teamIds));
  const { page, ...paging } = paginate(request, users, (user) => userBody(request.shapes, user));
  return { status: 200, body: { users: page, ...paging } };
}

export const directoryRoutes: Route[] = [
  { method: "GET", template: "/services", handle: listServices },
  { method: "GET", template: "/services/{id}", handle: getService },
  { method: "GET", template: "/escalation_policies", handle: listPolicies },
  { method: "GET", template: "/schedules", handle: listSchedules },
  { method: "GET", template: "/oncalls", handle: listOncalls },
  { method: "GET", template: "/teams", handle: listTeams },
  { method: "GET", template: "/users", handle: listUsers },
  { method: "GET", template: "/abilities", handle: () => ({ status: 200, body: { abilities: ABILITIES } }) },
];
