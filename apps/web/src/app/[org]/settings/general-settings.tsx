"use client";

import { Alert, Button, Card, CardHeader, Field, Input, Skeleton } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { fieldError, formError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

export function GeneralSettings({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const org = useQuery(trpc.organization.get.queryOptions({ orgSlug }));
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.organization.updateSettings.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.organization.get.queryKey({ orgSlug }) });
        router.refresh();
      },
    }),
  );
  const leave = useMutation(trpc.members.leave.mutationOptions({ onSuccess: () => router.push("/") }));

  if (org.isPending) return <Skeleton className="h-40 w-full" />;
  if (org.error) return <Alert>{org.error.message}</Alert>;
  const canEdit = org.data.myRole === "OWNER" || org.data.myRole === "ADMIN";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    update.mutate({ orgSlug, name: String(new FormData(event.currentTarget).get("name") ?? "") });
  }

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Organization" description={canEdit ? "Changes are recorded in the audit log." : "Only admins can change these."} />
        <form onSubmit={onSubmit} className="space-y-4 px-5 py-5" noValidate>
          {formError(update.error, ["name"]) ? <Alert>{formError(update.error, ["name"])}</Alert> : null}
          {saved ? <Alert tone="emerald">Saved.</Alert> : null}
          <Field id="org-name" label="Name" error={fieldError(update.error, "name")}>
            <Input id="org-name" name="name" defaultValue={org.data.name} disabled={!canEdit} aria-invalid={Boolean(fieldError(update.error, "name"))} />
          </Field>
          <Field id="org-slug" label="Portal URL" hint="The URL cannot be changed yet.">
            <Input id="org-slug" value={`/${org.data.slug}`} disabled readOnly />
          </Field>
          {canEdit ? (
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          ) : null}
        </form>
      </Card>
      <Card>
        <CardHeader title="Leave organization" description="You will lose access until someone invites you again." />
        <div className="space-y-3 px-5 py-5">
          {leave.error ? <Alert>{leave.error.message}</Alert> : null}
          <Button
            variant="danger"
            loading={leave.isPending}
            onClick={() => {
              if (window.confirm(`Leave ${org.data.name}?`)) leave.mutate({ orgSlug });
            }}
          >
            Leave {org.data.name}
          </Button>
        </div>
      </Card>
    </div>
  );
}
