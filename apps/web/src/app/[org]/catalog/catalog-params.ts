// The catalog table's state lives in the URL (shareable, back-button friendly).

export const FILTER_KEYS = ["kind", "type", "owner", "lifecycle", "tag", "system"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string[]>>;

export const SORTABLE = ["name", "kind", "type", "owner", "system", "lifecycle"] as const;
export type SortField = (typeof SORTABLE)[number];

export function readParams(params: URLSearchParams): { filters: Filters; sort: { field: SortField; order: "asc" | "desc" } } {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  const field = (SORTABLE as readonly string[]).includes(params.get("sort") ?? "") ? (params.get("sort") as SortField) : "name";
  const order = params.get("order") === "desc" ? "desc" : "asc";
  return { filters, sort: { field, order } };
}

export function toggleValue(params: URLSearchParams, key: FilterKey, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const values = next.getAll(key);
  next.delete(key);
  const updated = values.includes(value) ? values.filter((existing) => existing !== value) : [...values, value];
  for (const item of updated) next.append(key, item);
  return next;
}
