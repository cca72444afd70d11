import { DAY, type PdIncident } from "./model";
import { arrayParam, invalidInput, paginate, timeParam, type PdRequest, type PdResponse, type Route } from "./routing";
import { incidentBody } from "./shapes";

// GET /incidents with PagerDuty's filters (a created_at window of at most six months, defaulting
// to the last month unless date_range=all) and POST /incidents, which needs a `From` header
// naming a user on the account.

const MAX_RANGE_MS = 183 * DAY;
const SORT_FIELDS = new Set(["incident_number", "created_at", "resolved_at", "urgency"]);

function sortKey(incident: PdIncident, field: string): number {
  if (field === "incident_number") return incident.number;
  if (field === "resolved_at") return incident.resolvedAt ?? Number.POSITIVE_INFINITY;
  if (field === "urgency") return incident.urgency === "high" ? 1 : 0;
  return incident.createdAt;
}

function sorted(incidents: PdIncident[], request: PdRequest): PdIncident[] {
  const raw = arrayParam(request.url, "sort_by");
  if (raw.length === 0) return incidents;
  if (raw.length > 2) throw invalidInput("sort_by accepts at most two fields");
  const keys = raw.map((entry) => {
    const [field = "", direction = "asc"] = entry.split(":");
    if (!SORT_FIELDS.has(field) || (direction !== "asc" && direction !== "desc")) throw invalidInput(`Invalid sort_by value: ${entry}`);
    return { field, sign: direction === "desc" ? -1 : 1 };
  });
  return [...incidents].sort((a, b) => {
    for (const key of keys) {
      const difference = sortKey(a, key.field) - sortKey(b, key.field);
      if (difference !== 0) return difference * key.sign;
    }
    return a.number - b.number;
  });
}

function listIncidents(request: PdRequest): PdResponse {
  const { state, url } = request;
  const all = url.searchParams.get("date_range") === "all";
  const now = state.now();
  const sinceParam = timeParam(url, "since");
  const untilParam = timeParam(url, "until");
  const until = untilParam ?? now;
  const since = sinceParam ?? until - 30 * DAY;
  if (!all) {
    if (since > until) throw invalidInput("Since must be before until");
    if (until - since > MAX_RANGE_MS) throw invalidInput("The date range may not exceed 6 months");
  }
  const statuses = arrayParam(url, "statuses");
  const serviceIds = arrayParam(url, "service_ids");
  const teamIds = arrayParam(url, "team_ids");
  const userIds = arrayParam(url, "user_ids");
  const urgencies = arrayParam(url, "urgencies");
  const incidentKey = url.searchParams.get("incident_key");
  for (const status of statuses) if (!["triggered", "acknowledged", "resolved"].includes(status)) throw invalidInput(`Invalid status: ${status}`);
  for (const urgency of urgencies) if (urgency !== "high" && urgency !== "low") throw invalidInput(`Invalid urgency: ${urgency}`);

  const matches = state.incidents.filter((incident) => {
    if (!all && (incident.createdAt < since || incident.createdAt >= until)) return false;
    if (statuses.length > 0 && !statuses.includes(incident.status)) return false;
    if (serviceIds.length > 0 && !serviceIds.includes(incident.serviceId)) return false;
    if (urgencies.length > 0 && !urgencies.includes(incident.urgency)) return false;
    if (incidentKey !== null && incident.incidentKey !== incidentKey) return false;
    if (userIds.length > 0 && !incident.assigneeIds.some((id) => userIds.includes(id))) return false;
    if (teamIds.length > 0 && !(state.services.get(incident.serviceId)?.teamIds ?? []).some((id) => teamIds.includes(id))) return false;
    return true;
  });
  const { page, ...paging } = paginate(request, sorted(matches, request), (incident) => incidentBody(request.shapes, incident));
  return { status: 200, body: { incidents: page, ...paging } };
}

type IncidentInput = {
  incident?: {
    type?: unknown;
    title?: unknown;
    service?: { id?: unknown; type?: unknown };
    urgency?: unknown;
    incident_key?: unknown;
    body?: { details?: unknown };
    assignments?: { assignee?: { id?: unknown } }[];
  };
};

function createIncident(request: PdRequest): PdResponse {
  const { state } = request;
  const from = request.headers.from;
  if (typeof from !== "string" || from.trim() === "") throw invalidInput("You must specify a user's email address in the \"From\" header to perform this action");
  const requester = state.userByEmail(from);
  if (!requester) throw invalidInput("Requester User Not Found");
  let input: IncidentInput;
  try {
    input = JSON.parse(request.body || "{}") as IncidentInput;
  } catch {
    throw invalidInput("The request body is not valid JSON");
  }
  const incident = input.incident;
  if (!incident || typeof incident !== "object") throw invalidInput("incident is required");
  if (incident.type !== "incident") throw invalidInput("incident.type must be \"incident\"");
  if (typeof incident.title !== "string" || incident.title.trim() === "") throw invalidInput("Title cannot be empty");
  if (incident.title.length > 1024) throw invalidInput("Title is too long (maximum is 1024 characters)");
  const serviceId = incident.service?.id;
  const service = typeof serviceId === "string" ? state.services.get(serviceId) : undefined;
  if (!service || incident.service?.type !== "service_reference") throw invalidInput("Service not found");
  if (service.baseStatus === "disabled") throw invalidInput("Service is disabled");
  const urgency = incident.urgency ?? "high";
  if (urgency !== "high" && urgency !== "low") throw invalidInput("Urgency must be high or low");
  const incidentKey = typeof incident.incident_key === "string" && incident.incident_key !== "" ? incident.incident_key : undefined;
  if (incidentKey && state.openIncident(service.id, incidentKey)) throw invalidInput("Open incident with matching dedup key already exists on this service");
  const assigneeIds = (incident.assignments ?? []).map((entry) => entry.assignee?.id).filter((id): id is string => typeof id === "string" && state.users.has(id));
  const created = state.trigger({
    serviceId: service.id,
    title: incident.title,
    urgency,
    incidentKey,
    description: typeof incident.body?.details === "string" ? incident.body.details : null,
    by: { type: "user", id: requester.id },
    origin: "api",
    ...(assigneeIds.length > 0 ? { assigneeIds } : {}),
  });
  return { status: 201, body: { incident: incidentBody(request.shapes, created) } };
}

export const incidentRoutes: Route[] = [
  { method: "GET", template: "/incidents", handle: listIncidents },
  { method: "POST", template: "/incidents", handle: createIncident },
];
