"use client";

import { Alert, Card, CardHeader, EmptyState } from "@greenroom/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { entityHref } from "~/components/catalog/refs";
import { useTRPC } from "~/trpc/react";

/** A second source claiming an entity it does not own: shown here, never applied. */
export function ConflictsCard({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const conflicts = useQuery(trpc.catalog.conflicts.queryOptions({ orgSlug }));
  return (
    <Card>
      <CardHeader title="Conflicts" description="Entities a second source also tried to write. The owning source wins; remove the entity from one of them to settle it." />
      {conflicts.error ? (
        <div className="p-5">
          <Alert>{conflicts.error.message}</Alert>
        </div>
      ) : !conflicts.data?.length ? (
        <EmptyState title={conflicts.isPending ? "Loading…" : "No conflicts"} />
      ) : (
        <table className="w-full text-sm" data-testid="conflicts">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-5 py-2 font-medium">Entity</th>
              <th className="px-5 py-2 font-medium">Owned by</th>
              <th className="px-5 py-2 font-medium">Also claimed by</th>
              <th className="px-5 py-2 font-medium">Last seen</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {conflicts.data.map((conflict) => (
              <tr key={conflict.id}>
                <td className="px-5 py-2">
                  <Link href={entityHref(orgSlug, conflict.ref)} className="font-mono text-xs text-emerald-700 hover:underline">
                    {conflict.ref}
                  </Link>
                </td>
                <td className="px-5 py-2 font-mono text-xs">{conflict.ownerSource.name}</td>
                <td className="px-5 py-2 font-mono text-xs">{conflict.claimantSource.name}</td>
                <td className="px-5 py-2 text-slate-500">{conflict.lastSeenAt.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
