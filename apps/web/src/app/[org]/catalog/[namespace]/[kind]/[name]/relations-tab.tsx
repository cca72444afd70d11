"use client";

import { Badge, Card, EmptyState } from "@greenroom/ui";
import Link from "next/link";

import { KindBadge } from "~/components/catalog/kind-badge";
import { ownerHref, parseRef } from "~/components/catalog/refs";

import type { EntityData } from "./entity-view";

const LABELS: Record<string, string> = {
  ownedBy: "Owned by",
  ownerOf: "Owns",
  partOf: "Part of",
  hasPart: "Has parts",
  dependsOn: "Depends on",
  dependencyOf: "Depended on by",
  providesApi: "Provides APIs",
  apiProvidedBy: "Provided by",
  consumesApi: "Consumes APIs",
  apiConsumedBy: "Consumed by",
  memberOf: "Member of",
  hasMember: "Members",
  parentOf: "Child teams",
  childOf: "Parent team",
};

/** Every relation, grouped by type; a ref to something not imported yet is listed, not linked. */
export function RelationsTab({ orgSlug, entity }: { orgSlug: string; entity: EntityData }) {
  if (!entity.relations.length) return <EmptyState title="No relations" description="Relations come from spec fields such as owner, system, dependsOn and providesApis." />;
  const groups = new Map<string, EntityData["relations"]>();
  for (const relation of entity.relations) (groups.get(relation.type) ?? groups.set(relation.type, []).get(relation.type)!).push(relation);
  return (
    <div className="grid gap-5 md:grid-cols-2" data-testid="relations">
      {[...groups.entries()].map(([type, relations]) => (
        <Card key={type}>
          <div className="border-b border-slate-100 px-5 py-3">
            <h2 className="text-sm font-semibold text-slate-900">
              {LABELS[type] ?? type} <span className="font-normal text-slate-500">({relations.length})</span>
            </h2>
          </div>
          <ul className="divide-y divide-slate-100">
            {relations.map((relation) => {
              const target = parseRef(relation.targetRef);
              return (
                <li key={relation.targetRef} className="flex items-center gap-3 px-5 py-2 text-sm">
                  <KindBadge kind={relation.targetKind ?? target.kind} />
                  {relation.targetExists ? (
                    <Link href={ownerHref(orgSlug, relation.targetRef)} className="min-w-0 flex-1 truncate font-medium text-emerald-700 hover:underline">
                      {relation.targetTitle ?? target.name}
                    </Link>
                  ) : (
                    <span className="min-w-0 flex-1 truncate text-slate-600">{target.name}</span>
                  )}
                  {target.namespace !== "default" ? <span className="text-xs text-slate-400">{target.namespace}</span> : null}
                  {relation.targetExists ? null : <Badge tone="amber">not in catalog yet</Badge>}
                </li>
              );
            })}
          </ul>
        </Card>
      ))}
    </div>
  );
}
