"use client";

import { Badge } from "@greenroom/ui";
import Link from "next/link";

import { KindBadge } from "~/components/catalog/kind-badge";
import { OwnerLink } from "~/components/catalog/owner-link";
import { entityHref, shortRef } from "~/components/catalog/refs";
import { OpsBadges, type OpsBadgeCounts } from "~/components/operations/ops-badges";

import type { SortField } from "./catalog-params";

type Row = {
  id: string;
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  type: string | null;
  lifecycle: string | null;
  ownerRef: string | null;
  systemRef: string | null;
  tags: string[];
  orphan: boolean;
};

const COLUMNS: { field: SortField | null; label: string; className?: string }[] = [
  { field: "name", label: "Name" },
  { field: "kind", label: "Kind" },
  { field: "type", label: "Type" },
  { field: "owner", label: "Owner" },
  { field: "system", label: "System" },
  { field: "lifecycle", label: "Lifecycle" },
  { field: null, label: "Tags" },
];

const LIFECYCLE_TONES: Record<string, "emerald" | "amber" | "red"> = { production: "emerald", experimental: "amber", deprecated: "red" };

export function EntityTable({
  orgSlug,
  items,
  sort,
  onSort,
  badges,
}: {
  orgSlug: string;
  items: Row[];
  sort: { field: SortField; order: "asc" | "desc" };
  onSort: (field: SortField) => void;
  badges?: Record<string, OpsBadgeCounts>;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="catalog-table">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {COLUMNS.map((column) => {
              const active = column.field !== null && sort.field === column.field;
              return (
                <th key={column.label} scope="col" className="px-2.5 py-2 font-medium whitespace-nowrap" aria-sort={active ? (sort.order === "asc" ? "ascending" : "descending") : undefined}>
                  {column.field ? (
                    <button type="button" onClick={() => onSort(column.field!)} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                      {column.label}
                      <span aria-hidden="true" className={active ? "text-slate-900" : "text-slate-300"}>
                        {active && sort.order === "desc" ? "↓" : "↑"}
                      </span>
                    </button>
                  ) : (
                    column.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} className="hover:bg-slate-50" data-testid={`row-${item.ref}`}>
              <td className="max-w-56 px-2.5 py-2">
                <Link href={entityHref(orgSlug, item)} className="font-medium text-slate-900 hover:text-emerald-700">
                  {item.title ?? item.name}
                </Link>
                {item.namespace !== "default" ? <span className="ml-1.5 text-xs text-slate-400">in {item.namespace}</span> : null}
                {badges?.[item.ref] ? (
                  <span className="ml-1.5 align-middle">
                    <OpsBadges badges={badges[item.ref]} />
                  </span>
                ) : null}
                {item.title || item.description ? (
                  <p className="truncate text-xs text-slate-500" title={item.description ?? undefined}>
                    {[item.title ? item.name : null, item.description].filter(Boolean).join(" · ")}
                  </p>
                ) : null}
              </td>
              <td className="px-2.5 py-2">
                <KindBadge kind={item.kind} />
                {item.orphan ? (
                  <span className="ml-1">
                    <Badge tone="amber">orphan</Badge>
                  </span>
                ) : null}
              </td>
              <td className="px-2.5 py-2 text-slate-700">{item.type ?? <span className="text-slate-400">—</span>}</td>
              <td className="px-2.5 py-2 whitespace-nowrap">
                <OwnerLink orgSlug={orgSlug} ownerRef={item.ownerRef} />
              </td>
              <td className="px-2.5 py-2 whitespace-nowrap">
                {item.systemRef ? (
                  <Link href={entityHref(orgSlug, item.systemRef)} className="text-slate-700 hover:text-emerald-700 hover:underline">
                    {shortRef(item.systemRef)}
                  </Link>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
              <td className="px-2.5 py-2">{item.lifecycle ? <Badge tone={LIFECYCLE_TONES[item.lifecycle] ?? "slate"}>{item.lifecycle}</Badge> : <span className="text-slate-400">—</span>}</td>
              <td className="px-2.5 py-2">
                <div className="flex max-w-36 flex-wrap gap-1">
                  {item.tags.slice(0, 2).map((tag) => (
                    <span key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                      {tag}
                    </span>
                  ))}
                  {item.tags.length > 2 ? <span className="text-xs text-slate-400" title={item.tags.slice(2).join(", ")}>+{item.tags.length - 2}</span> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
