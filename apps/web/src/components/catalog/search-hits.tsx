"use client";

import { Command } from "cmdk";

import { KindBadge } from "./kind-badge";

export type SearchHit = { id: string; ref: string; kind: string; namespace: string; name: string; title: string | null; description: string | null };

/** The result rows shared by ⌘K and the catalog header's search box. */
export function SearchHits({ hits, onOpen }: { hits: SearchHit[]; onOpen: (hit: SearchHit) => void }) {
  return (
    <>
      {hits.map((hit) => (
        <Command.Item
          key={hit.id}
          value={hit.ref}
          onSelect={() => onOpen(hit)}
          className="flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm data-[selected=true]:bg-emerald-50 data-[selected=true]:text-emerald-900"
        >
          <span className="w-24 shrink-0">
            <KindBadge kind={hit.kind} />
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate font-medium text-slate-900">
              {hit.title ?? hit.name}
              {hit.title ? <span className="ml-1.5 text-xs font-normal text-slate-500">{hit.name}</span> : null}
              {hit.namespace !== "default" ? <span className="ml-1.5 text-xs font-normal text-slate-400">in {hit.namespace}</span> : null}
            </span>
            {hit.description ? <span className="block truncate text-xs text-slate-500">{hit.description}</span> : null}
          </span>
        </Command.Item>
      ))}
    </>
  );
}
