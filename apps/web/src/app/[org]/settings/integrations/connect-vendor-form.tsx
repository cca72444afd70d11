"use client";

import { Card, CardHeader, Field, Input, Select } from "@greenroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";

import { fieldError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

import { ConnectActions, ConnectFeedback } from "./connect-form-parts";

type Vendor = "PAGERDUTY" | "DATADOG";

const DATADOG_SITES = ["datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "ap1.datadoghq.com", "ap2.datadoghq.com", "datadoghq.eu", "ddog-gov.com"];
const FIELDS = ["name", "settings.baseUrl", "settings.eventsUrl", "settings.fromEmail", "settings.site", "secrets.token", "secrets.apiKey", "secrets.appKey", "intervalMinutes"];

function read(kind: Vendor, form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const common = { name: text("name"), intervalMinutes: Number(text("intervalMinutes") || 15) };
  if (kind === "PAGERDUTY") {
    return { ...common, settings: { kind, baseUrl: text("baseUrl"), eventsUrl: text("eventsUrl"), fromEmail: text("fromEmail") }, secrets: { token: text("token") } };
  }
  return { ...common, settings: { kind, site: text("site"), baseUrl: text("baseUrl"), incidents: data.get("incidents") === "on" }, secrets: { apiKey: text("apiKey"), appKey: text("appKey") } };
}

/** Connect PagerDuty (REST API key) or Datadog (API + application key, any site). */
export function ConnectVendorForm({ orgSlug, kind }: { orgSlug: string; kind: Vendor }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const test = useMutation(trpc.integrations.testVendorConnection.mutationOptions());
  const connect = useMutation(
    trpc.integrations.connectVendor.mutationOptions({
      onSuccess: () => {
        formRef.current?.reset();
        test.reset();
        return queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey({ orgSlug }) });
      },
    }),
  );
  const pagerduty = kind === "PAGERDUTY";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    connect.mutate({ orgSlug, ...read(kind, event.currentTarget) });
  }
  function onTest() {
    if (!formRef.current) return;
    const { settings, secrets } = read(kind, formRef.current);
    test.mutate({ orgSlug, settings, secrets });
  }

  return (
    <Card>
      <CardHeader
        title={pagerduty ? "Connect PagerDuty" : "Connect Datadog"}
        description={
          pagerduty
            ? "A read-only REST API key is enough to sync; triggering incidents from entity pages needs a full-access key (or services' integration keys). Keys are encrypted at rest and never shown again."
            : "An API key and an application key with read access to monitors, SLOs, dashboards and the service catalog. Keys are encrypted at rest and never shown again."
        }
      />
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 px-5 py-5 sm:grid-cols-2" noValidate data-testid={`connect-${kind.toLowerCase()}-form`}>
        <Field id={`${kind}-name`} label="Name" error={fieldError(connect.error, "name")}>
          <Input id={`${kind}-name`} name="name" defaultValue={pagerduty ? "PagerDuty" : "Datadog"} maxLength={100} />
        </Field>
        {pagerduty ? (
          <>
            <Field id="pd-token" label="REST API key" error={fieldError(connect.error, "secrets.token")}>
              <Input id="pd-token" name="token" type="password" autoComplete="off" maxLength={500} />
            </Field>
            <Field id="pd-base-url" label="API base URL (optional)" hint="https://api.pagerduty.com, or https://api.eu.pagerduty.com for EU accounts." error={fieldError(connect.error, "settings.baseUrl")}>
              <Input id="pd-base-url" name="baseUrl" placeholder="https://api.pagerduty.com" maxLength={500} />
            </Field>
            <Field id="pd-events-url" label="Events API URL (optional)" hint="Where incidents are triggered with integration keys." error={fieldError(connect.error, "settings.eventsUrl")}>
              <Input id="pd-events-url" name="eventsUrl" placeholder="https://events.pagerduty.com" maxLength={500} />
            </Field>
            <Field id="pd-from" label="Requester email (optional)" hint="A PagerDuty user's email; sent as From when an incident is created on a service without an integration key." error={fieldError(connect.error, "settings.fromEmail")}>
              <Input id="pd-from" name="fromEmail" type="email" maxLength={200} />
            </Field>
          </>
        ) : (
          <>
            <Field id="dd-api-key" label="API key" error={fieldError(connect.error, "secrets.apiKey")}>
              <Input id="dd-api-key" name="apiKey" type="password" autoComplete="off" maxLength={500} />
            </Field>
            <Field id="dd-app-key" label="Application key" error={fieldError(connect.error, "secrets.appKey")}>
              <Input id="dd-app-key" name="appKey" type="password" autoComplete="off" maxLength={500} />
            </Field>
            <Field id="dd-site" label="Site" error={fieldError(connect.error, "settings.site")}>
              <Select id="dd-site" name="site" defaultValue="datadoghq.com">
                {DATADOG_SITES.map((site) => (
                  <option key={site} value={site}>
                    {site}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="dd-base-url" label="API base URL override (optional)" hint="Only for a proxy; otherwise derived from the site." error={fieldError(connect.error, "settings.baseUrl")}>
              <Input id="dd-base-url" name="baseUrl" maxLength={500} />
            </Field>
            <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
              <input type="checkbox" name="incidents" className="rounded border-slate-300" /> Also sync Datadog incidents (if your organization uses Incident Management)
            </label>
          </>
        )}
        <Field id={`${kind}-interval`} label="Sync every" error={fieldError(connect.error, "intervalMinutes")}>
          <Select id={`${kind}-interval`} name="intervalMinutes" defaultValue="15">
            <option value="5">5 minutes</option>
            <option value="15">15 minutes</option>
            <option value="30">30 minutes</option>
            <option value="60">hour</option>
          </Select>
        </Field>
        <ConnectActions className="flex items-end gap-2" testing={test.isPending} connecting={connect.isPending} onTest={onTest} />
      </form>
      <ConnectFeedback verdict={test.data} testError={test.error} connectError={connect.error} fields={FIELDS} />
    </Card>
  );
}
