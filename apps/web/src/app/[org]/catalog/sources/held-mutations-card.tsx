"use client";

import { Alert, Button, Card, CardHeader } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";

import { entityHref, shortRef } from "~/components/catalog/refs";
import { useTRPC } from "~/trpc/react";

/** Syncs the deletion guard stopped: what each would delete, and the admin's confirm / discard. */
export function HeldMutationsCard({ orgSlug, isAdmin }: { orgSlug: string; isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const held = useQuery(trpc.catalog.heldMutations.queryOptions({ orgSlug }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
  const confirm = useMutation(trpc.catalog.confirmHeld.mutationOptions({ onSuccess: refresh }));
  const discard = useMutation(trpc.catalog.discardHeld.mutationOptions({ onSuccess: refresh }));
  if (!held.data?.length && !confirm.data && !held.error) return null;
  return (
    <Card className="ring-amber-300">
      <CardHeader title="Held syncs" description="A sync that would delete more than a fifth of its source's entities waits here: an upstream outage must not empty the catalog." />
      <div className="space-y-3 p-5">
        {held.error ? <Alert>{held.error.message}</Alert> : null}
        {confirm.error ?? discard.error ? <Alert>{(confirm.error ?? discard.error)!.message}</Alert> : null}
        {confirm.data ? <Alert tone="emerald">Applied: {confirm.data.deleted} deleted, {confirm.data.created} created, {confirm.data.updated} updated.</Alert> : null}
        {held.data?.map((mutation) => (
          <div key={mutation.id} className="rounded-md ring-1 ring-amber-200" data-testid="held-mutation">
            <div className="flex flex-wrap items-center gap-3 bg-amber-50 px-4 py-3 text-sm">
              <p className="mr-auto text-amber-900">
                <span className="font-mono font-medium">{mutation.source.name}</span> would delete <strong>{mutation.wouldDelete}</strong> of {mutation.existingCount} entities ({mutation.incomingCount} in the new sync) · {mutation.createdAt.toLocaleString()}
              </p>
              {isAdmin ? (
                <>
                  <Button variant="secondary" size="sm" loading={discard.isPending && discard.variables?.heldId === mutation.id} onClick={() => discard.mutate({ orgSlug, heldId: mutation.id })}>
                    Discard
                  </Button>
                  <Button
                    variant="danger"
                    size="sm"
                    loading={confirm.isPending && confirm.variables?.heldId === mutation.id}
                    onClick={() => {
                      if (window.confirm(`Delete ${mutation.wouldDelete} entities from ${mutation.source.name}?`)) confirm.mutate({ orgSlug, heldId: mutation.id });
                    }}
                  >
                    Confirm and delete {mutation.wouldDelete}
                  </Button>
                </>
              ) : (
                <span className="text-xs text-amber-800">An admin decides.</span>
              )}
            </div>
            <details className="px-4 py-2 text-sm">
              <summary className="cursor-pointer text-slate-600">Would delete</summary>
              <ul className="mt-2 columns-2 text-xs lg:columns-3">
                {mutation.wouldDeleteRefs.map((ref) => (
                  <li key={ref} className="truncate">
                    <Link href={entityHref(orgSlug, ref)} className="text-slate-700 hover:text-emerald-700 hover:underline">
                      {ref.slice(0, ref.indexOf(":"))} {shortRef(ref)}
                    </Link>
                  </li>
                ))}
                {mutation.wouldDelete > mutation.wouldDeleteRefs.length ? <li className="text-slate-400">and {mutation.wouldDelete - mutation.wouldDeleteRefs.length} more</li> : null}
              </ul>
            </details>
          </div>
        ))}
      </div>
    </Card>
  );
}
