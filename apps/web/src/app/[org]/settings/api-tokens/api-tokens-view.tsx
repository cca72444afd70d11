"use client";

import { Alert, Badge, Button, Card, CardHeader, EmptyState, Skeleton } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";

import { CreateTokenForm } from "./create-token-form";

function when(date: Date | null): string {
  return date ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "never";
}

export function ApiTokensView({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiTokens.list.queryOptions({ orgSlug }));
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useMutation(
    trpc.apiTokens.revoke.mutationOptions({
      onSettled: () => {
        setConfirming(null);
        return queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey({ orgSlug }) });
      },
    }),
  );

  return (
    <div className="space-y-6">
      <CreateTokenForm orgSlug={orgSlug} />
      <Card>
        <CardHeader title="Tokens" description="Revoking a token stops it at once; scripts using it get 401." />
        {revoke.error ? (
          <div className="px-5 pt-4">
            <Alert>{revoke.error.message}</Alert>
          </div>
        ) : null}
        {tokens.isPending ? (
          <div className="space-y-2 p-5">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : tokens.error ? (
          <div className="p-5">
            <Alert>{tokens.error.message}</Alert>
          </div>
        ) : tokens.data.length === 0 ? (
          <EmptyState title="No API tokens yet" description="Create one above for a CI job or a script." />
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-2 font-medium">Name</th>
                <th className="px-5 py-2 font-medium">Access</th>
                <th className="px-5 py-2 font-medium">Created</th>
                <th className="px-5 py-2 font-medium">Last used</th>
                <th className="px-5 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {tokens.data.map((token) => (
                <tr key={token.id} data-testid={`api-token-${token.name}`} className={token.revokedAt ? "text-slate-400" : undefined}>
                  <td className="px-5 py-3">
                    <p className={token.revokedAt ? "font-medium line-through" : "font-medium text-slate-900"}>{token.name}</p>
                    <p className="font-mono text-xs text-slate-500">{token.displayHint}…</p>
                  </td>
                  <td className="px-5 py-3">
                    <Badge tone={token.scope === "WRITE" ? "amber" : "sky"}>{token.scope === "WRITE" ? "Read and write" : "Read only"}</Badge>
                  </td>
                  <td className="px-5 py-3">{when(token.createdAt)}</td>
                  <td className="px-5 py-3">{when(token.lastUsedAt)}</td>
                  <td className="px-5 py-3 text-right">
                    {token.revokedAt ? (
                      <Badge tone="red">Revoked {token.revokedAt.toLocaleDateString()}</Badge>
                    ) : confirming === token.id ? (
                      <span className="inline-flex items-center gap-2">
                        <span className="text-xs text-slate-600">Revoke “{token.name}”?</span>
                        <Button variant="danger" size="sm" loading={revoke.isPending} onClick={() => revoke.mutate({ orgSlug, tokenId: token.id })}>
                          Revoke
                        </Button>
                        <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
                          Cancel
                        </Button>
                      </span>
                    ) : (
                      <Button variant="ghost" size="sm" onClick={() => setConfirming(token.id)}>
                        Revoke…
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
