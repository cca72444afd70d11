"use client";

import { Card, CardHeader, Field, Input, Select } from "@greenroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";

import { fieldError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

import { ConnectActions, ConnectFeedback } from "./connect-form-parts";

const FIELDS = ["name", "baseUrl", "githubOrg", "authMethod", "token", "appId", "privateKey", "installationId", "webhookSecret", "intervalMinutes"];
type AuthMethod = "token" | "app";

function read(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const authMethod: AuthMethod = text("authMethod") === "app" ? "app" : "token";
  return {
    name: text("name"),
    baseUrl: text("baseUrl") || "https://api.github.com",
    githubOrg: text("githubOrg"),
    authMethod,
    // Only the chosen method's credentials leave the browser.
    ...(authMethod === "token" ? { token: text("token") } : { appId: text("appId"), privateKey: text("privateKey"), installationId: text("installationId") || undefined }),
    webhookSecret: text("webhookSecret") || undefined,
    intervalMinutes: Number(text("intervalMinutes") || 60),
  };
}

/** Connect GitHub: base URL (GitHub Enterprise Server too), organization, and a fine-grained token or a GitHub App. */
export function ConnectGithubForm({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [authMethod, setAuthMethod] = useState<AuthMethod>("token");
  const test = useMutation(trpc.integrations.testConnection.mutationOptions());
  const connect = useMutation(
    trpc.integrations.connectGithub.mutationOptions({
      onSuccess: () => {
        formRef.current?.reset();
        setAuthMethod("token");
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
    const { name: _name, webhookSecret: _webhookSecret, intervalMinutes: _interval, ...credentials } = read(formRef.current);
    test.mutate({ orgSlug, ...credentials });
  }

  const verdict = test.data;
  return (
    <Card>
      <CardHeader
        title="Connect GitHub"
        description="Use a fine-grained token, or a GitHub App installed on the organization, with read access to its repositories (contents, metadata) and members. Credentials are encrypted at rest and never shown again."
      />
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
        <Field id="integration-auth-method" label="Authenticate with" error={fieldError(connect.error, "authMethod")}>
          <Select id="integration-auth-method" name="authMethod" value={authMethod} onChange={(event) => setAuthMethod(event.target.value === "app" ? "app" : "token")}>
            <option value="token">A fine-grained token</option>
            <option value="app">A GitHub App (installation tokens, refreshed hourly)</option>
          </Select>
        </Field>
        {authMethod === "token" ? (
          <Field id="integration-token" label="Token" error={fieldError(connect.error, "token")}>
            <Input id="integration-token" name="token" type="password" autoComplete="off" placeholder="github_pat_…" maxLength={500} />
          </Field>
        ) : (
          <>
            <Field id="integration-app-id" label="App ID" hint="The App's settings page, under About." error={fieldError(connect.error, "appId")}>
              <Input id="integration-app-id" name="appId" inputMode="numeric" autoComplete="off" placeholder="123456" maxLength={20} />
            </Field>
            <Field id="integration-installation-id" label="Installation ID (optional)" hint="Found from the organization when empty." error={fieldError(connect.error, "installationId")}>
              <Input id="integration-installation-id" name="installationId" inputMode="numeric" autoComplete="off" maxLength={20} />
            </Field>
            <div className="sm:col-span-2">
              <Field id="integration-private-key" label="Private key" hint="The whole .pem file GitHub generated for the App." error={fieldError(connect.error, "privateKey")}>
                <textarea
                  id="integration-private-key"
                  name="privateKey"
                  rows={5}
                  spellCheck={false}
                  autoComplete="off"
                  maxLength={10_000}
                  placeholder="-----BEGIN RSA PRIVATE KEY-----"
                  className="block w-full rounded-md border-0 px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-emerald-600"
                />
              </Field>
            </div>
          </>
        )}
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
        <ConnectActions testing={test.isPending} connecting={connect.isPending} onTest={onTest} />
      </form>
      <ConnectFeedback verdict={verdict} testError={test.error} connectError={connect.error} fields={FIELDS} />
    </Card>
  );
}
