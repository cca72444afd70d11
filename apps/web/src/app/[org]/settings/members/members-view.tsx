"use client";

import { Alert, Badge, Button, Card, CardHeader, EmptyState, Select, Skeleton } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";

import { InviteForm } from "./invite-form";
import { PendingInvitations } from "./pending-invitations";
import { SeatUsage } from "./seat-usage";

export const ROLE_LABELS = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member", VIEWER: "Viewer" } as const;
export type RoleName = keyof typeof ROLE_LABELS;

export function MembersView({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const org = useQuery(trpc.organization.get.queryOptions({ orgSlug }));
  const members = useQuery(trpc.members.list.queryOptions({ orgSlug }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey({ orgSlug }) }),
      queryClient.invalidateQueries({ queryKey: trpc.organization.get.queryKey({ orgSlug }) }), // seat usage
    ]);
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSettled: refresh }));

  const myRole = org.data?.myRole;
  const isAdmin = myRole === "OWNER" || myRole === "ADMIN";
  const actionError = changeRole.error ?? remove.error;

  return (
    <div className="space-y-6">
      {org.data ? <SeatUsage orgSlug={orgSlug} usage={org.data.usage} isOwner={myRole === "OWNER"} /> : null}
      {isAdmin ? <InviteForm orgSlug={orgSlug} myRole={myRole} /> : null}
      <Card>
        <CardHeader title="People" description={members.data ? `${members.data.length} member${members.data.length === 1 ? "" : "s"}` : undefined} />
        {actionError ? (
          <div className="px-5 pt-4">
            <Alert>{actionError.message}</Alert>
          </div>
        ) : null}
        {members.isPending ? (
          <div className="space-y-2 p-5">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : members.error ? (
          <div className="p-5">
            <Alert>{members.error.message}</Alert>
          </div>
        ) : members.data.length === 0 ? (
          <EmptyState title="No members" />
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-2 font-medium">Name</th>
                <th className="px-5 py-2 font-medium">Role</th>
                <th className="px-5 py-2 font-medium">Joined</th>
                <th className="px-5 py-2" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.data.map((member) => {
                const canChange = isAdmin && (myRole === "OWNER" || member.role !== "OWNER");
                return (
                  <tr key={member.userId} data-testid={`member-${member.email}`}>
                    <td className="px-5 py-3">
                      <p className="font-medium text-slate-900">
                        {member.name} {member.isMe ? <span className="text-slate-400">(you)</span> : null}
                      </p>
                      <p className="text-slate-500">{member.email}</p>
                    </td>
                    <td className="px-5 py-3">
                      {canChange ? (
                        <Select
                          aria-label={`Role of ${member.email}`}
                          value={member.role}
                          className="w-32"
                          disabled={changeRole.isPending}
                          onChange={(event) => changeRole.mutate({ orgSlug, userId: member.userId, role: event.target.value as RoleName })}
                        >
                          {(Object.keys(ROLE_LABELS) as RoleName[])
                            .filter((role) => role !== "OWNER" || myRole === "OWNER")
                            .map((role) => (
                              <option key={role} value={role}>
                                {ROLE_LABELS[role]}
                              </option>
                            ))}
                        </Select>
                      ) : (
                        <Badge tone={member.role === "OWNER" ? "emerald" : "slate"}>{ROLE_LABELS[member.role]}</Badge>
                      )}
                    </td>
                    <td className="px-5 py-3 text-slate-500">{member.joinedAt.toLocaleDateString()}</td>
                    <td className="px-5 py-3 text-right">
                      {canChange && !member.isMe ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          onClick={() => {
                            if (window.confirm(`Remove ${member.email} from the organization?`)) remove.mutate({ orgSlug, userId: member.userId });
                          }}
                        >
                          Remove
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
      {isAdmin ? <PendingInvitations orgSlug={orgSlug} /> : null}
    </div>
  );
}
