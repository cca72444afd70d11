"use client";

import { Alert, Button, Card, CardHeader, Field, Input, Select } from "@greenroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { fieldError, formError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

export function CreateTokenForm({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState(false);
  const create = useMutation(
    trpc.apiTokens.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey({ orgSlug }) }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCopied(false);
    create.mutate(
      { orgSlug, name: String(form.get("name") ?? ""), scope: String(form.get("scope") ?? "READ") as "READ" | "WRITE" },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  const created = create.data;
  return (
    <Card>
      <CardHeader title="Create a token" description="Read-only tokens can list and read the catalog; read-write tokens can also push, register locations and delete." />
      <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3 px-5 py-5" noValidate>
        <div className="min-w-64 flex-1">
          <Field id="token-name" label="Name" hint="Who or what uses it, e.g. “payments CI”." error={fieldError(create.error, "name")}>
            <Input id="token-name" name="name" maxLength={100} placeholder="payments CI" aria-invalid={Boolean(fieldError(create.error, "name"))} />
          </Field>
        </div>
        <div className="w-44">
          <Field id="token-scope" label="Access" error={fieldError(create.error, "scope")}>
            <Select id="token-scope" name="scope" defaultValue="READ">
              <option value="READ">Read only</option>
              <option value="WRITE">Read and write</option>
            </Select>
          </Field>
        </div>
        <div className="pt-7">
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
      <div className="space-y-3 px-5 pb-5 empty:hidden">
        {formError(create.error, ["name", "scope"]) ? <Alert>{formError(create.error, ["name", "scope"])}</Alert> : null}
        {created ? (
          <Alert tone="emerald" title={`Token “${created.apiToken.name}” created`}>
            <p>Copy it now: it is shown only this once, and Greenroom keeps only a hash of it.</p>
            <div className="mt-2 flex gap-2">
              <Input readOnly value={created.token} aria-label="New API token" data-testid="new-api-token" className="font-mono" onFocus={(event) => event.target.select()} />
              <Button type="button" variant="secondary" onClick={() => void navigator.clipboard?.writeText(created.token).then(() => setCopied(true))}>
                {copied ? "Copied" : "Copy"}
              </Button>
            </div>
            <p className="mt-2 text-xs">
              Send it as <code>Authorization: Bearer &lt;token&gt;</code>; point <code>@backstage/catalog-client</code> at{" "}
              <code>{typeof window === "undefined" ? "" : window.location.origin}/api/catalog</code>.
            </p>
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}
