"use client";

import { Alert, EmptyState, Select, Skeleton } from "@greenroom/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { NeighbourhoodGraph } from "~/components/graph/neighbourhood-graph";
import { useTRPC } from "~/trpc/react";

import type { EntityData } from "./entity-view";

/** What this entity depends on, provides, consumes and belongs to, up to three hops out. */
export function DependenciesTab({ orgSlug, entity }: { orgSlug: string; entity: EntityData }) {
  const trpc = useTRPC();
  const [depth, setDepth] = useState(2);
  const graph = useQuery(
    trpc.catalog.graph.queryOptions({ orgSlug, kind: entity.kind, namespace: entity.namespace, name: entity.name, depth }, { placeholderData: keepPreviousData }),
  );
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-slate-600">Depends on, provides, consumes and part of, in both directions. Click a node to open it; dashed nodes are not in the catalog yet.</p>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          Hops
          <Select className="w-20" value={depth} onChange={(event) => setDepth(Number(event.target.value))} aria-label="Hops">
            {[1, 2, 3].map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </Select>
        </label>
      </div>
      {graph.isPending ? (
        <Skeleton className="h-[560px] w-full" />
      ) : graph.error ? (
        <Alert>{graph.error.message}</Alert>
      ) : graph.data.nodes.length <= 1 ? (
        <EmptyState title="No dependencies" description="Add dependsOn, providesApis, consumesApis or system to the spec to see them here." />
      ) : (
        <>
          {graph.data.truncated ? <Alert tone="amber">Showing the nearest {graph.data.nodes.length} entities. Lower the hops to see less.</Alert> : null}
          <NeighbourhoodGraph orgSlug={orgSlug} data={graph.data} />
        </>
      )}
    </div>
  );
}
