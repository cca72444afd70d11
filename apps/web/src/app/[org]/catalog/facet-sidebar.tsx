"use client";

import { Alert, Skeleton } from "@greenroom/ui";
import { useState } from "react";

import { kindLabel, shortRef } from "~/components/catalog/refs";

import type { FilterKey, Filters } from "./catalog-params";

type FacetValue = { value: string; count: number };
type Facets = Record<"kind" | "type" | "owner" | "lifecycle" | "tag" | "system" | "namespace", FacetValue[]>;

const GROUPS: { key: FilterKey; facet: keyof Facets; label: string; display?: (value: string) => string }[] = [
  { key: "kind", facet: "kind", label: "Kind", display: kindLabel },
  { key: "type", facet: "type", label: "Type" },
  { key: "owner", facet: "owner", label: "Owner", display: shortRef },
  { key: "lifecycle", facet: "lifecycle", label: "Lifecycle" },
  { key: "tag", facet: "tag", label: "Tags" },
  { key: "system", facet: "system", label: "System", display: shortRef },
];

const COLLAPSED = 8;

export function FacetSidebar({
  facets,
  loading,
  error,
  filters,
  onToggle,
  onClear,
}: {
  facets: Facets | undefined;
  loading: boolean;
  error?: string;
  filters: Filters;
  onToggle: (key: FilterKey, value: string) => void;
  onClear?: () => void;
}) {
  return (
    <aside className="w-48 shrink-0 space-y-5" aria-label="Filters">
      <div className="flex h-5 items-center justify-between">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Filters</h2>
        {onClear ? (
          <button type="button" onClick={onClear} className="text-xs font-medium text-emerald-700 hover:underline">
            Clear all
          </button>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {loading
        ? GROUPS.slice(0, 3).map((group) => (
            <div key={group.key} className="space-y-2">
              <Skeleton className="h-4 w-16" />
              <Skeleton className="h-4 w-full" />
              <Skeleton className="h-4 w-3/4" />
            </div>
          ))
        : GROUPS.map((group) => <FacetGroup key={group.key} group={group} values={facets?.[group.facet] ?? []} selected={filters[group.key] ?? []} onToggle={onToggle} />)}
    </aside>
  );
}

function FacetGroup({ group, values, selected, onToggle }: { group: (typeof GROUPS)[number]; values: FacetValue[]; selected: string[]; onToggle: (key: FilterKey, value: string) => void }) {
  const [expanded, setExpanded] = useState(false);
  // A selected value stays listed even if nothing matches it any more, so it can be unticked.
  const missing = selected.filter((value) => !values.some((facet) => facet.value === value.toLowerCase() || facet.value === value)).map((value) => ({ value, count: 0 }));
  const all = [...values, ...missing];
  if (all.length === 0) return null;
  const shown = expanded ? all : all.slice(0, COLLAPSED);
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-semibold text-slate-900">{group.label}</legend>
      <ul className="space-y-0.5">
        {shown.map((facet) => {
          const checked = selected.includes(facet.value);
          const id = `facet-${group.key}-${facet.value}`;
          return (
            <li key={facet.value}>
              <label htmlFor={id} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100">
                <input id={id} type="checkbox" checked={checked} onChange={() => onToggle(group.key, facet.value)} className="h-3.5 w-3.5 rounded border-slate-300 accent-emerald-600" />
                <span className="min-w-0 flex-1 truncate text-slate-700" title={facet.value}>
                  {group.display ? group.display(facet.value) : facet.value}
                </span>
                <span className="text-xs tabular-nums text-slate-500">{facet.count.toLocaleString()}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {all.length > COLLAPSED ? (
        <button type="button" onClick={() => setExpanded((value) => !value)} className="mt-1 px-1 text-xs font-medium text-emerald-700 hover:underline">
          {expanded ? "Show fewer" : `Show all ${all.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}
