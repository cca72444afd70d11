import { DatadogError, intParam, ok, type Route } from "./routing";
import { dashboardJson, incidentJson, sloHistoryJson, sloJson } from "./shapes";

// GET /api/v1/validate, the SLO list and history, the dashboard list and the incident list
// (x-unstable in the spec; orgs without Incident Management answer 403 or 404).

function splitList(raw: string | null): string[] {
  return (raw ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
}

export const otherRoutes: Route[] = [
  {
    method: "GET",
    template: "/api/v1/validate",
    family: "validate",
    auth: "api",
    handle: () => ok({ valid: true }),
  },
  {
    method: "GET",
    template: "/api/v1/slo",
    family: "slos",
    handle({ url, state }) {
      const limit = intParam(url, "limit", 1000, { min: 1, max: 1000 });
      const offset = intParam(url, "offset", 0);
      const ids = splitList(url.searchParams.get("ids"));
      const query = url.searchParams.get("query")?.toLowerCase() ?? null;
      const tags = splitList(url.searchParams.get("tags_query"));
      const matched = state.data.slos.filter(
        (slo) => (ids.length === 0 || ids.includes(slo.id)) && (!query || slo.name.toLowerCase().includes(query)) && tags.every((tag) => slo.tags.includes(tag)),
      );
      return ok({
        data: matched.slice(offset, offset + limit).map(sloJson),
        errors: [],
        metadata: { page: { total_count: state.data.slos.length, total_filtered_count: matched.length } },
      });
    },
  },
  {
    method: "GET",
    template: "/api/v1/slo/{slo_id}/history",
    family: "slo_history",
    handle({ url, params, state }) {
      if (!url.searchParams.get("from_ts") || !url.searchParams.get("to_ts")) throw new DatadogError(400, ["Both from_ts and to_ts are required"]);
      const fromTs = intParam(url, "from_ts", 0);
      const toTs = intParam(url, "to_ts", 0);
      if (toTs <= fromTs) throw new DatadogError(400, ["to_ts must be after from_ts"]);
      const slo = state.slo(params.slo_id ?? "");
      if (!slo) throw new DatadogError(404, ["SLO not found"]);
      return ok(sloHistoryJson(slo, fromTs, toTs));
    },
  },
  {
    method: "GET",
    template: "/api/v1/dashboard",
    family: "dashboards",
    handle({ url, state }) {
      const count = intParam(url, "count", 100, { min: 1 });
      const start = intParam(url, "start", 0);
      // Every seeded dashboard is live; "shared" ones are the read-only ones here.
      const shared = url.searchParams.get("filter[shared]");
      const deleted = url.searchParams.get("filter[deleted]") === "true";
      const matched = deleted ? [] : state.data.dashboards.filter((dashboard) => shared !== "true" || dashboard.isReadOnly);
      return ok({ dashboards: matched.slice(start, start + count).map(dashboardJson) });
    },
  },
  {
    method: "GET",
    template: "/api/v2/incidents",
    family: "incidents",
    handle({ url, state }) {
      if (!state.incidentsEnabled) throw new DatadogError(state.incidentsDisabledStatus, [state.incidentsDisabledStatus === 403 ? "Forbidden" : "Not found"]);
      const size = intParam(url, "page[size]", 10, { min: 1, max: 100 });
      const offset = intParam(url, "page[offset]", 0);
      const page = state.data.incidents.slice(offset, offset + size);
      const include = splitList(url.searchParams.get("include"));
      const users = include.includes("users")
        ? [...new Set(page.flatMap((incident) => [incident.createdById, ...(incident.commanderId ? [incident.commanderId] : [])]))].map((id) => ({
            type: "users",
            id,
            attributes: { name: `User ${id.slice(0, 8)}`, handle: `user-${id.slice(0, 8)}@${state.data.name}.example`, email: `user-${id.slice(0, 8)}@${state.data.name}.example`, disabled: false, status: "Active" },
          }))
        : null;
      return ok({
        data: page.map(incidentJson),
        ...(users ? { included: users } : {}),
        meta: { pagination: { offset, next_offset: offset + page.length, size: page.length } },
      });
    },
  },
];
