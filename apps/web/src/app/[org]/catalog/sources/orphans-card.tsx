"use client";

import { Alert, Button, Card, CardHeader, EmptyState } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { KindBadge } from "~/components/catalog/kind-badge";
import { entityHref } from "~/components/catalog/refs";
import { useTRPC } from "~/trpc/react";

/** Entities kept when their source was removed: adopted by the next source that writes them, or removed here. */
export function OrphansCard({ orgSlug, isAdmin }: { orgSlug: string; isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [cursor, setCursor] = useState<string | undefined>();
  const orphans = useQuery(trpc.catalog.orphans.queryOptions({ orgSlug, cursor }));
  const remove = useMutation(
    trpc.catalog.removeOrphans.mutationOptions({
      onSuccess: () => {
        setCursor(undefined);
        return queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      },
    }),
  );
  const total = orphans.data?.total ?? 0;
  return (
    <Card>
      <CardHeader
        title="Orphans"
        description="Entities whose source was removed while they were kept."
        actions={
          isAdmin && total > 0 ? (
            <Button
              variant="danger"
              size="sm"
              loading={remove.isPending && !remove.variables?.entityIds}
              onClick={() => {
                if (window.confirm(`Remove all ${total} orphans?`)) remove.mutate({ orgSlug });
              }}
            >
              Remove all {total}
            </Button>
          ) : undefined
        }
      />
      {remove.error ? (
        <div className="px-5 pt-4">
          <Alert>{remove.error.message}</Alert>
        </div>
      ) : null}
      {orphans.error ? (
        <div className="p-5">
          <Alert>{orphans.error.message}</Alert>
        </div>
      ) : !orphans.data?.items.length ? (
        <EmptyState title={orphans.isPending ? "Loading…" : "No orphans"} />
      ) : (
        <>
          <ul className="divide-y divide-slate-100" data-testid="orphans">
            {orphans.data.items.map((orphan) => (
              <li key={orphan.id} className="flex items-center gap-3 px-5 py-2 text-sm">
                <KindBadge kind={orphan.kind} />
                <Link href={entityHref(orgSlug, orphan)} className="min-w-0 flex-1 truncate font-medium text-emerald-700 hover:underline">
                  {orphan.title ?? orphan.name}
                </Link>
                <span className="text-xs text-slate-500">since {orphan.orphanedAt?.toLocaleDateString()}</span>
                {isAdmin ? (
                  <Button variant="ghost" size="sm" loading={remove.isPending && remove.variables?.entityIds?.[0] === orphan.id} onClick={() => remove.mutate({ orgSlug, entityIds: [orphan.id] })}>
                    Remove
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          {orphans.data.nextCursor || cursor ? (
            <div className="flex justify-end gap-2 border-t border-slate-100 px-5 py-2">
              {cursor ? (
                <Button variant="secondary" size="sm" onClick={() => setCursor(undefined)}>
                  First page
                </Button>
              ) : null}
              {orphans.data.nextCursor ? (
                <Button variant="secondary" size="sm" onClick={() => setCursor(orphans.data.nextCursor ?? undefined)}>
                  Next →
                </Button>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
