"use client";

import { Alert, Badge, Button, Card, CardHeader, EmptyState, Skeleton } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";

import { ConnectGithubForm } from "./connect-github-form";
import { ConnectVendorForm } from "./connect-vendor-form";
import { ServiceMappingCard } from "./service-mapping-card";

type Progress = Record<string, { done: number; total?: number }>;

function when(date: Date | null): string {
  return date ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "never";
}

function duration(start: Date | null, end: Date | null): string {
  if (!start) return "—";
  const ms = (end ?? new Date()).getTime() - start.getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const STATUS_TONE = { succeeded: "emerald", running: "sky", queued: "slate", delayed: "amber", held: "amber", failed: "red" } as const;

/** Progress over the phases (repositories, teams, people): a bar and counts as they happen. */
function RunProgress({ progress }: { progress: Progress }) {
  const phases = [
    ["repos", "Repositories"],
    ["teams", "Teams"],
    ["members", "People"],
  ] as const;
  const done = phases.reduce((sum, [key]) => sum + (progress[key]?.done ?? 0), 0);
  const total = phases.reduce((sum, [key]) => sum + (progress[key]?.total ?? progress[key]?.done ?? 0), 0);
  const percent = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="space-y-1" data-testid="sync-progress">
      <div className="h-2 w-full overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-2 bg-emerald-500 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-600">
        {phases.map(([key, label]) => `${label}: ${progress[key]?.done ?? 0}${progress[key]?.total !== undefined ? ` / ${progress[key]!.total}` : ""}`).join(" · ")}
      </p>
    </div>
  );
}

function IntegrationPanel({ orgSlug, integrationId }: { orgSlug: string; integrationId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [disconnecting, setDisconnecting] = useState(false);
  const detail = useQuery({
    ...trpc.integrations.get.queryOptions({ orgSlug, integrationId }),
    // Live progress: poll while a run is open, slowly otherwise.
    refetchInterval: (query) => (query.state.data?.runs.some((run) => !run.finishedAt) ? 1_000 : 15_000),
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.integrations.get.queryKey({ orgSlug, integrationId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey({ orgSlug }) }),
    ]);
  const syncNow = useMutation(trpc.integrations.syncNow.mutationOptions({ onSuccess: () => setTimeout(() => void refresh(), 500) }));
  const setPaused = useMutation(trpc.integrations.setPaused.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(trpc.integrations.testConnection.mutationOptions());
  const disconnect = useMutation(trpc.integrations.disconnect.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey({ orgSlug }) }) }));

  if (detail.isPending) return <Skeleton className="h-40 w-full" />;
  if (detail.error) return <Alert>{detail.error.message}</Alert>;
  const { integration, runs, webhookPath } = detail.data;
  const config = integration.config as { org?: string; baseUrl?: string; site?: string };
  const vendor = VENDOR_NAMES[integration.kind];
  const where =
    integration.kind === "GITHUB" ? `GitHub organization ${config.org ?? "?"} at ${config.baseUrl ?? "?"}` : integration.kind === "DATADOG" ? `Datadog ${config.baseUrl ?? config.site ?? ""}` : `PagerDuty ${config.baseUrl ?? ""}`;
  const open = runs.find((run) => !run.finishedAt);
  const statusTone = integration.status === "ACTIVE" ? "emerald" : integration.status === "PAUSED" ? "slate" : "red";

  return (
    <Card data-testid={`integration-${integration.name}`}>
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            {integration.name} <Badge tone={statusTone}>{integration.status.toLowerCase()}</Badge>
          </span>
        }
        description={`${where} · full sync every ${integration.intervalMinutes} min · last sync ${when(integration.lastSyncAt)}${integration.lastSyncStatus ? ` (${integration.lastSyncStatus})` : ""}`}
        actions={
          <span className="flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" loading={test.isPending} onClick={() => test.mutate({ orgSlug, integrationId })}>
              Test connection
            </Button>
            <Button size="sm" loading={syncNow.isPending} onClick={() => syncNow.mutate({ orgSlug, integrationId })}>
              Sync now
            </Button>
            <Button size="sm" variant="ghost" loading={setPaused.isPending} onClick={() => setPaused.mutate({ orgSlug, integrationId, paused: integration.status !== "PAUSED" })}>
              {integration.status === "PAUSED" ? "Resume schedule" : "Pause schedule"}
            </Button>
            <Button size="sm" variant="danger" onClick={() => setDisconnecting(true)}>
              Disconnect…
            </Button>
          </span>
        }
      />
      <div className="space-y-4 px-5 py-4">
        {integration.kind === "GITHUB" ? (
          <p className="text-xs text-slate-600">
            Webhook URL (GitHub → organization settings → webhooks, content type JSON, the webhook secret you entered):{" "}
            <code data-testid="webhook-url">{typeof window === "undefined" ? webhookPath : `${window.location.origin}${webhookPath}`}</code>
          </p>
        ) : null}
        {integration.status === "ERROR" && integration.statusMessage ? (
          <Alert title="Syncing stopped">
            {integration.statusMessage} Update the credentials, then resume the schedule.
          </Alert>
        ) : null}
        {test.data ? test.data.ok ? <Alert tone="emerald">{test.data.summary}</Alert> : <Alert>{test.data.problem}</Alert> : null}
        {syncNow.error ?? setPaused.error ?? disconnect.error ? <Alert>{(syncNow.error ?? setPaused.error ?? disconnect.error)!.message}</Alert> : null}
        {disconnecting ? (
          <Alert tone="amber" title={`Disconnect ${integration.name}?`}>
            <p>The schedule stops and the stored credentials are deleted. What should happen to the entities it synced?</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <Button size="sm" variant="danger" loading={disconnect.isPending} onClick={() => disconnect.mutate({ orgSlug, integrationId, keepEntities: false })}>
                Disconnect and remove its entities
              </Button>
              <Button size="sm" variant="secondary" loading={disconnect.isPending} onClick={() => disconnect.mutate({ orgSlug, integrationId, keepEntities: true })}>
                Disconnect, keep entities as orphans
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setDisconnecting(false)}>
                Cancel
              </Button>
            </div>
          </Alert>
        ) : null}
        {open ? (
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-900">
              Syncing ({open.trigger}){open.status === "delayed" && open.delayedUntil ? ` · waiting for ${vendor}'s rate limit until ${open.delayedUntil.toLocaleTimeString()}` : ""}
            </p>
            <RunProgress progress={open.progress} />
            {open.message ? <p className="text-xs text-slate-500">{open.message}</p> : null}
          </div>
        ) : null}
        {integration.kind === "PAGERDUTY" ? <ServiceMappingCard orgSlug={orgSlug} integrationId={integrationId} type="pagerduty.service" syncedAt={integration.lastSyncAt} /> : null}
        {runs.length === 0 ? (
          <EmptyState title="No syncs yet" description="The first sync starts as soon as the integration is connected." />
        ) : (
          <table className="w-full text-sm" data-testid="sync-history">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 font-medium">Started</th>
                <th className="py-2 font-medium">Trigger</th>
                <th className="py-2 font-medium">Status</th>
                <th className="py-2 font-medium">Duration</th>
                <th className="py-2 font-medium">Requests / budget</th>
                <th className="py-2 font-medium">Created · updated · deleted · unchanged</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((run) => (
                <tr key={run.id} title={run.message ?? undefined}>
                  <td className="py-2">{when(run.startedAt ?? run.createdAt)}</td>
                  <td className="py-2">{run.trigger}</td>
                  <td className="py-2">
                    <Badge tone={STATUS_TONE[run.status as keyof typeof STATUS_TONE] ?? "slate"}>{run.status}</Badge>
                  </td>
                  <td className="py-2">{duration(run.startedAt, run.finishedAt)}</td>
                  <td className="py-2">
                    {run.requests} / {run.rateLimitUsed}
                  </td>
                  <td className="py-2">
                    {run.created} · {run.updated} · {run.deleted} · {run.unchanged}
                    {run.status === "failed" || run.status === "held" ? <p className="text-xs text-slate-500">{run.message}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Card>
  );
}

const VENDOR_NAMES = { GITHUB: "GitHub", PAGERDUTY: "PagerDuty", DATADOG: "Datadog" } as const;

export function IntegrationsView({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const integrations = useQuery(trpc.integrations.list.queryOptions({ orgSlug }));
  const [adding, setAdding] = useState<keyof typeof VENDOR_NAMES>("GITHUB");
  return (
    <div className="space-y-6">
      {integrations.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : integrations.error ? (
        <Alert>{integrations.error.message}</Alert>
      ) : (
        integrations.data.map((integration) => <IntegrationPanel key={integration.id} orgSlug={orgSlug} integrationId={integration.id} />)
      )}
      <div className="space-y-3">
        <div role="radiogroup" aria-label="Connect" className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium text-slate-700">Connect:</span>
          {(Object.keys(VENDOR_NAMES) as (keyof typeof VENDOR_NAMES)[]).map((kind) => (
            <Button key={kind} size="sm" role="radio" aria-checked={adding === kind} variant={adding === kind ? "primary" : "secondary"} onClick={() => setAdding(kind)}>
              {VENDOR_NAMES[kind]}
            </Button>
          ))}
        </div>
        {adding === "GITHUB" ? <ConnectGithubForm orgSlug={orgSlug} /> : <ConnectVendorForm key={adding} orgSlug={orgSlug} kind={adding} />}
      </div>
    </div>
  );
}
