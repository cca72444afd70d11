"use client";

import { Alert, Button, Skeleton } from "@greenroom/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";

import { AuthCard } from "~/components/auth-card";
import { useTRPC } from "~/trpc/react";

const STATUS_TEXT = {
  accepted: "This invitation has already been used.",
  revoked: "This invitation was withdrawn by an admin.",
  expired: "This invitation has expired.",
} as const;

export function InvitationView({ token, signedInAs }: { token: string; signedInAs: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const preview = useQuery(trpc.invitations.preview.queryOptions({ token }, { retry: false }));
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: ({ slug }) => {
        router.push(`/${slug}`);
        router.refresh();
      },
    }),
  );

  if (preview.isPending) {
    return (
      <AuthCard title="Loading invitation…">
        <Skeleton className="h-20 w-full" />
      </AuthCard>
    );
  }
  if (preview.error) {
    return (
      <AuthCard title="Invitation not found">
        <Alert>{preview.error.message}</Alert>
      </AuthCard>
    );
  }

  const invitation = preview.data;
  const role = invitation.role.toLowerCase();
  const title = `Join ${invitation.organization.name}`;
  const subtitle = `${invitation.invitedBy ?? "An admin"} invited ${invitation.email} to join as ${role}.`;
  if (invitation.status !== "pending") {
    return (
      <AuthCard title={title} subtitle={subtitle}>
        <Alert tone="amber">{STATUS_TEXT[invitation.status]} Ask an admin of {invitation.organization.name} for a new link.</Alert>
      </AuthCard>
    );
  }
  if (!signedInAs) {
    const here = `/invite/${encodeURIComponent(token)}`;
    return (
      <AuthCard title={title} subtitle={subtitle}>
        <div className="space-y-3">
          <Link
            href={`/signup?invite=${encodeURIComponent(token)}&email=${encodeURIComponent(invitation.email)}`}
            className="flex w-full justify-center rounded-md bg-emerald-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-emerald-700"
          >
            Create an account to join
          </Link>
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(here)}`}
            className="flex w-full justify-center rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            I already have an account
          </Link>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={title} subtitle={subtitle}>
      <div className="space-y-4">
        {accept.error ? <Alert>{accept.error.message}</Alert> : null}
        {signedInAs !== invitation.email ? (
          <Alert tone="amber">
            You are signed in as {signedInAs}, but this invitation is for {invitation.email}.{" "}
            <button type="button" className="font-medium underline" onClick={() => void signOut({ callbackUrl: `/invite/${encodeURIComponent(token)}` })}>
              Switch account
            </button>
          </Alert>
        ) : null}
        <Button className="w-full" loading={accept.isPending} onClick={() => accept.mutate({ token })}>
          Accept invitation
        </Button>
      </div>
    </AuthCard>
  );
}
