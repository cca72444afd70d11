"use client";

import { Alert, Badge, Button, Card, CardHeader, EmptyState } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";

import { ROLE_LABELS } from "./members-view";

export function PendingInvitations({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.invitations.list.queryOptions({ orgSlug }));
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSettled: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey({ orgSlug }) });
        await queryClient.invalidateQueries({ queryKey: trpc.organization.get.queryKey({ orgSlug }) }); // seat usage
      },
    }),
  );
  return (
    <Card>
      <CardHeader title="Pending invitations" />
      {revoke.error ? (
        <div className="px-5 pt-4">
          <Alert>{revoke.error.message}</Alert>
        </div>
      ) : null}
      {invitations.data?.length === 0 ? (
        <EmptyState title="No pending invitations" description="Invitations you send appear here until they are accepted." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {invitations.data?.map((invitation) => (
            <li key={invitation.id} className="flex items-center justify-between px-5 py-3 text-sm">
              <div>
                <p className="font-medium text-slate-900">{invitation.email}</p>
                <p className="text-slate-500">
                  Invited by {invitation.invitedBy ?? "someone"} · expires {invitation.expiresAt.toLocaleDateString()}
                </p>
              </div>
              <div className="flex items-center gap-3">
                <Badge>{ROLE_LABELS[invitation.role]}</Badge>
                <Button variant="ghost" size="sm" onClick={() => revoke.mutate({ orgSlug, invitationId: invitation.id })}>
                  Revoke
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
