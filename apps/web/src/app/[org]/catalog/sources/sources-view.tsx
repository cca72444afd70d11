"use client";

import { Alert, Badge, Button, Card, CardHeader, EmptyState, Skeleton } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";

import { CatalogErrors } from "../import/catalog-errors";
import { ConflictsCard } from "./conflicts-card";
import { HeldMutationsCard } from "./held-mutations-card";
import { OrphansCard } from "./orphans-card";

const KINDS = { PUSH: "Push API", UPLOAD: "Upload", LOCATION: "URL", INTEGRATION: "Integration" } as const;

export function SourcesView({ orgSlug, isAdmin }: { orgSlug: string; isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sources = useQuery(trpc.catalog.sources.queryOptions({ orgSlug }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
  const remove = useMutation(trpc.catalog.removeSource.mutationOptions({ onSuccess: refresh }));
  const [removing, setRemoving] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState<string | null>(null);

  return (
    <div className="max-w-6xl space-y-6">
      <HeldMutationsCard orgSlug={orgSlug} isAdmin={isAdmin} />
      <Card>
        <CardHeader title="Sources" description="Every entity belongs to exactly one source; only it can change or remove the entity." />
        {remove.error ? (
          <div className="px-5 pt-4">
            <Alert>{remove.error.message}</Alert>
          </div>
        ) : null}
        {remove.data ? (
          <div className="px-5 pt-4">
            <Alert tone="emerald">Source removed: {remove.data.deleted ? `${remove.data.deleted} entities deleted` : `${remove.data.orphaned} entities kept as orphans`}.</Alert>
          </div>
        ) : null}
        {sources.isPending ? (
          <div className="space-y-2 p-5">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : sources.error ? (
          <div className="p-5">
            <Alert>{sources.error.message}</Alert>
          </div>
        ) : sources.data.sources.length === 0 ? (
          <EmptyState title="No sources yet" description="Sources appear when you import files, register a URL, push through the API or connect an integration." />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="sources">
            {sources.data.sources.map((source) => (
              <li key={source.id} className="px-5 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-3">
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-mono text-sm font-medium text-slate-900">{source.name}</p>
                    <p className="text-xs text-slate-500">
                      {KINDS[source.kind]} · {source.entityCount.toLocaleString()} entit{source.entityCount === 1 ? "y" : "ies"} · {source.lastMutationAt ? `last written ${source.lastMutationAt.toLocaleString()}` : "never written"}
                    </p>
                  </div>
                  {source.heldCount ? <Badge tone="amber">held sync</Badge> : null}
                  {source.errorCount ? (
                    <button type="button" onClick={() => setShowErrors(showErrors === source.id ? null : source.id)} className="text-xs font-medium text-red-700 hover:underline">
                      {source.errorCount} problem{source.errorCount === 1 ? "" : "s"} in the last write
                    </button>
                  ) : (
                    <Badge tone="emerald">no errors</Badge>
                  )}
                  {isAdmin ? (
                    <Button variant="ghost" size="sm" onClick={() => setRemoving(removing === source.id ? null : source.id)}>
                      Remove…
                    </Button>
                  ) : null}
                </div>
                {removing === source.id ? (
                  <div className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-slate-50 p-3">
                    <p className="mr-auto text-sm text-slate-700">Remove {source.name}? Its {source.entityCount} entities can stay as orphans (until adopted or removed) or go with it.</p>
                    <Button variant="secondary" size="sm" loading={remove.isPending && remove.variables?.keepEntities === true} onClick={() => remove.mutate({ orgSlug, sourceId: source.id, keepEntities: true }, { onSuccess: () => setRemoving(null) })}>
                      Remove, keep entities
                    </Button>
                    <Button variant="danger" size="sm" loading={remove.isPending && remove.variables?.keepEntities === false} onClick={() => remove.mutate({ orgSlug, sourceId: source.id, keepEntities: false }, { onSuccess: () => setRemoving(null) })}>
                      Remove and delete {source.entityCount} entities
                    </Button>
                  </div>
                ) : null}
                {showErrors === source.id ? (
                  <div className="mt-3">
                    <CatalogErrors errors={source.lastErrors} total={source.errorCount} title="Problems in the last write" description="Documents with these problems were skipped." />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <ConflictsCard orgSlug={orgSlug} />
      <OrphansCard orgSlug={orgSlug} isAdmin={isAdmin} />
    </div>
  );
}
