"use client";

import { Alert, Button, Card, CardHeader, Field, Input, Select } from "@greenroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";

import { fieldError, formError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

const FIELDS = ["name", "baseUrl", "githubOrg", "token", "webhookSecret", "intervalMinutes"];

function read(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  return {
    name: text("name"),
    baseUrl: text("baseUrl") || "https://api.github.com",
    githubOrg: text("githubOrg"),
    token: text("token"),
    webhookSecret: text("webhookSecret") || undefined,
    intervalMinutes: Number(text("intervalMinutes") || 60),
  };
}

/** Connect GitHub: base URL (GitHub Enterprise Server too), organization, fine-grained token. */
export function ConnectGithubForm({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const test = useMutation(trpc.integrations.testConnection.mutationOptions());
  const connect = useMutation(
    trpc.integrations.connectGithub.mutationOptions({
      onSuccess: () => {
        formRef.current?.reset();
        test.reset();
        return queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey({ orgSlug }) });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    connect.mutate({ orgSlug, ...read(event.currentTarget) });
  }

  function onTest() {
    if (!formRef.current) return;
    const { baseUrl, githubOrg, token } = read(formRef.current);
    test.mutate({ orgSlug, baseUrl, githubOrg, token });
  }

  const verdict = test.data;
  return (
    <Card>
      <CardHeader title="Connect GitHub" description="Use a fine-grained token with read access to the organization's repositories (contents, metadata) and members. It is encrypted at rest and never shown again." />
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 px-5 py-5 sm:grid-cols-2" noValidate data-testid="connect-github-form">
        <Field id="integration-name" label="Name" error={fieldError(connect.error, "name")}>
          <Input id="integration-name" name="name" defaultValue="GitHub" maxLength={100} />
        </Field>
        <Field id="integration-base-url" label="API base URL" hint="https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server." error={fieldError(connect.error, "baseUrl")}>
          <Input id="integration-base-url" name="baseUrl" placeholder="https://api.github.com" maxLength={500} />
        </Field>
        <Field id="integration-org" label="Organization" error={fieldError(connect.error, "githubOrg")}>
          <Input id="integration-org" name="githubOrg" placeholder="acme" maxLength={100} />
        </Field>
        <Field id="integration-token" label="Token" error={fieldError(connect.error, "token")}>
          <Input id="integration-token" name="token" type="password" autoComplete="off" placeholder="github_pat_…" maxLength={500} />
        </Field>
        <Field id="integration-webhook-secret" label="Webhook secret (optional)" hint="The secret set on the organization's webhook, for changes within seconds." error={fieldError(connect.error, "webhookSecret")}>
          <Input id="integration-webhook-secret" name="webhookSecret" type="password" autoComplete="off" maxLength={500} />
        </Field>
        <Field id="integration-interval" label="Full sync every" error={fieldError(connect.error, "intervalMinutes")}>
          <Select id="integration-interval" name="intervalMinutes" defaultValue="60">
            <option value="15">15 minutes</option>
            <option value="30">30 minutes</option>
            <option value="60">hour</option>
            <option value="360">6 hours</option>
            <option value="1440">day</option>
          </Select>
        </Field>
        <div className="flex gap-2 sm:col-span-2">
          <Button type="button" variant="secondary" loading={test.isPending} onClick={onTest}>
            Test connection
          </Button>
          <Button type="submit" loading={connect.isPending}>
            Connect and sync
          </Button>
        </div>
      </form>
      <div className="space-y-3 px-5 pb-5 empty:hidden">
        {verdict ? (
          <div data-testid="connection-verdict">
            {verdict.ok ? <Alert tone="emerald" title="Connection works">{verdict.summary}</Alert> : <Alert title="Connection failed">{verdict.problem}</Alert>}
          </div>
        ) : null}
        {test.error ? <Alert>{test.error.message}</Alert> : null}
        {formError(connect.error, FIELDS) ? <Alert>{formError(connect.error, FIELDS)}</Alert> : null}
      </div>
    </Card>
  );
}
