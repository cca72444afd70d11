import type { DatadogMonitor } from "./model";
import { DatadogError, intParam, ok, type Route } from "./routing";
import { monitorJson, searchMonitorJson } from "./shapes";

// GET /api/v1/monitor (all monitors without `page`; page/page_size, default 100, max 1000, with
// it; id_offset), GET /api/v1/monitor/{monitor_id} and GET /api/v1/monitor/search (Datadog's
// monitor search syntax: `service:x`, `tag:"k:v"`, `status:alert`, `type:metric`, free text).

function splitList(raw: string | null): string[] {
  return (raw ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);
}

type Term = { key: string | null; value: string };

/** Tokens of a search query; quoted values keep their spaces. */
export function parseMonitorQuery(query: string): Term[] {
  const terms: Term[] = [];
  const pattern = /(?:([a-z_]+):)?(?:"([^"]*)"|(\S+))/gi;
  for (const match of query.matchAll(pattern)) {
    const value = (match[2] ?? match[3] ?? "").trim();
    if (!value || /^(AND)$/i.test(value)) continue;
    terms.push({ key: match[1]?.toLowerCase() ?? null, value });
  }
  return terms;
}

const TYPE_ALIASES: Record<string, DatadogMonitor["type"][]> = {
  metric: ["metric alert", "query alert"],
  log: ["log alert"],
  apm: ["trace-analytics alert", "query alert"],
  custom: ["service check"],
};

export function monitorMatches(monitor: DatadogMonitor, terms: Term[]): boolean {
  return terms.every(({ key, value }) => {
    const lower = value.toLowerCase();
    if (key === null) return monitor.name.toLowerCase().includes(lower);
    if (key === "status") return monitor.state.toLowerCase() === lower.replace("_", " ");
    if (key === "type") return (TYPE_ALIASES[lower] ?? [lower]).some((type) => monitor.type === type);
    if (key === "tag") return monitor.tags.includes(value);
    if (key === "id") return String(monitor.id) === value;
    if (key === "priority") return String(monitor.priority ?? "") === value.replace(/^p/i, "");
    if (key === "title" || key === "name") return monitor.name.toLowerCase().includes(lower);
    // service:x, env:x, team:x and any other key are tag filters, as in Datadog.
    return monitor.tags.includes(`${key}:${value}`);
  });
}

function sortMonitors(monitors: DatadogMonitor[], sort: string | null): DatadogMonitor[] {
  if (!sort) return monitors;
  const [field, direction] = sort.split(",");
  const sign = direction === "desc" ? -1 : 1;
  const key = (monitor: DatadogMonitor): string | number => (field === "name" ? monitor.name : field === "status" ? monitor.state : field === "priority" ? (monitor.priority ?? 6) : monitor.id);
  return [...monitors].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    return (left < right ? -1 : left > right ? 1 : a.id - b.id) * sign;
  });
}

function counts(monitors: DatadogMonitor[], pick: (monitor: DatadogMonitor) => string[], limit = 50) {
  const tally = new Map<string, number>();
  for (const monitor of monitors) for (const name of pick(monitor)) tally.set(name, (tally.get(name) ?? 0) + 1);
  return [...tally.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([name, count]) => ({ count, name }));
}

export const monitorRoutes: Route[] = [
  {
    method: "GET",
    template: "/api/v1/monitor",
    family: "monitors",
    handle({ url, state }) {
      const name = url.searchParams.get("name")?.toLowerCase() ?? null;
      const monitorTags = splitList(url.searchParams.get("monitor_tags"));
      const scopeTags = splitList(url.searchParams.get("tags"));
      const groupStates = splitList(url.searchParams.get("group_states")).map((value) => value.toLowerCase());
      const idOffset = intParam(url, "id_offset", -1, { min: -1 });
      let monitors = state.data.monitors.filter(
        (monitor) =>
          monitor.id > idOffset &&
          (!name || monitor.name.toLowerCase().includes(name)) &&
          monitorTags.every((tag) => monitor.tags.includes(tag)) &&
          scopeTags.every((tag) => monitor.tags.includes(tag) || monitor.query.includes(tag)) &&
          (groupStates.length === 0 || groupStates.includes("all") || groupStates.includes(monitor.state.toLowerCase())),
      );
      const hasPage = url.searchParams.has("page");
      if (hasPage || url.searchParams.has("id_offset")) {
        const page = hasPage ? intParam(url, "page", 0) : 0;
        const size = intParam(url, "page_size", 100, { min: 1, max: 1000 });
        monitors = monitors.slice(page * size, (page + 1) * size);
      }
      return ok(monitors.map((monitor) => monitorJson(monitor, state.data.orgId)));
    },
  },
  {
    method: "GET",
    template: "/api/v1/monitor/search",
    family: "monitor_search",
    handle({ url, state }) {
      const page = intParam(url, "page", 0);
      const perPage = intParam(url, "per_page", 30, { min: 1, max: 1000 });
      const terms = parseMonitorQuery(url.searchParams.get("query") ?? "");
      const matched = sortMonitors(
        state.data.monitors.filter((monitor) => monitorMatches(monitor, terms)),
        url.searchParams.get("sort"),
      );
      return ok({
        counts: {
          status: counts(matched, (monitor) => [monitor.state]),
          muted: [{ count: matched.length, name: false }],
          tag: counts(matched, (monitor) => monitor.tags),
          type: counts(matched, (monitor) => [monitor.type.replace(/ alert$/, "")]),
        },
        monitors: matched.slice(page * perPage, (page + 1) * perPage).map((monitor) => searchMonitorJson(monitor, state.data.orgId)),
        metadata: { page, page_count: Math.ceil(matched.length / perPage), per_page: perPage, total_count: matched.length },
      });
    },
  },
  {
    method: "GET",
    template: "/api/v1/monitor/{monitor_id}",
    family: "monitors",
    handle({ params, state }) {
      const raw = params.monitor_id ?? "";
      if (!/^\d+$/.test(raw)) throw new DatadogError(400, [`Invalid monitor_id "${raw}"`]);
      const monitor = state.monitor(Number(raw));
      if (!monitor) throw new DatadogError(404, ["Monitor not found"]);
      return ok(monitorJson(monitor, state.data.orgId));
    },
  },
];
