"use client";

import { Alert, Button, Card, CardHeader, Field, Input, Select } from "@greenroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { fieldError, formError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

import { ROLE_LABELS, type RoleName } from "./members-view";

export function InviteForm({ orgSlug, myRole }: { orgSlug: string; myRole: RoleName | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState(false);
  const invite = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey({ orgSlug }) });
        await queryClient.invalidateQueries({ queryKey: trpc.organization.get.queryKey({ orgSlug }) }); // seat usage
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCopied(false);
    invite.mutate(
      { orgSlug, email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "MEMBER") as RoleName },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  const result = invite.data;
  return (
    <Card>
      <CardHeader title="Invite a teammate" description="They get a link that works once and expires in 7 days." />
      <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3 px-5 py-5" noValidate>
        <div className="min-w-64 flex-1">
          <Field id="invite-email" label="Email" error={fieldError(invite.error, "email")}>
            <Input id="invite-email" name="email" type="email" placeholder="teammate@company.com" aria-invalid={Boolean(fieldError(invite.error, "email"))} />
          </Field>
        </div>
        <div className="w-40">
          <Field id="invite-role" label="Role" error={fieldError(invite.error, "role")}>
            <Select id="invite-role" name="role" defaultValue="MEMBER">
              {(Object.keys(ROLE_LABELS) as RoleName[])
                .filter((role) => role !== "OWNER" || myRole === "OWNER")
                .map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
            </Select>
          </Field>
        </div>
        <div className="pt-7">
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </div>
      </form>
      <div className="space-y-3 px-5 pb-5 empty:hidden">
        {formError(invite.error, ["email", "role"]) ? <Alert>{formError(invite.error, ["email", "role"])}</Alert> : null}
        {result?.delivery === "email" ? <Alert tone="emerald">Invitation emailed to {result.invitation.email}.</Alert> : null}
        {result?.inviteUrl ? (
          <Alert tone="emerald" title={`Invitation created for ${result.invitation.email}`}>
            <p>No mail server is configured, so send them this link yourself. It is shown only now.</p>
            <div className="mt-2 flex gap-2">
              <Input readOnly value={result.inviteUrl} aria-label="Invitation link" data-testid="invite-url" onFocus={(event) => event.target.select()} />
              <Button
                type="button"
                variant="secondary"
                onClick={() => void navigator.clipboard?.writeText(result.inviteUrl ?? "").then(() => setCopied(true))}
              >
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}
