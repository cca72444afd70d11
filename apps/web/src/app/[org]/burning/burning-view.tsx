"use client";

import type { RouterOutputs } from "@greenroom/api";
import { Alert, Badge, Card, CardHeader, EmptyState, Skeleton } from "@greenroom/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { OwnerLink } from "~/components/catalog/owner-link";
import { entityHref } from "~/components/catalog/refs";
import { FreshnessLine } from "~/components/operations/freshness-line";
import { IncidentStatus, MonitorState } from "~/components/operations/monitor-state";
import { relativeTime } from "~/components/operations/relative-time";
import { useTRPC } from "~/trpc/react";

type Group = RouterOutputs["operations"]["burning"]["groups"][number];

function Entities({ orgSlug, entities }: { orgSlug: string; entities: { ref: string; name: string; title: string | null }[] }) {
  if (!entities.length) return <span className="text-xs text-slate-400">not linked to the catalog</span>;
  return (
    <span className="text-xs">
      {entities.map((entity, index) => (
        <span key={entity.ref}>
          {index ? ", " : ""}
          <Link href={entityHref(orgSlug, entity.ref)} className="text-emerald-700 hover:underline">
            {entity.title ?? entity.name}
          </Link>
        </span>
      ))}
    </span>
  );
}

function GroupCard({ orgSlug, group }: { orgSlug: string; group: Group }) {
  return (
    <Card>
      <CardHeader
        title={group.ownerRef ? <OwnerLink orgSlug={orgSlug} ownerRef={group.ownerRef} /> : "Not linked to any catalog entity"}
        description={
          <span className="flex gap-2">
            {group.incidents.length ? <Badge tone="red">{group.incidents.length === 1 ? "1 open incident" : `${group.incidents.length} open incidents`}</Badge> : null}
            {group.monitors.length ? <Badge tone="red">{group.monitors.length} alerting</Badge> : null}
          </span>
        }
      />
      <ul className="divide-y divide-slate-100 text-sm">
        {group.incidents.map((incident) => (
          <li key={`${incident.vendor}-${incident.id}`} className="grid grid-cols-[6.5rem_1fr_auto] items-start gap-3 px-5 py-2">
            <span className="flex gap-1">
              <IncidentStatus status={incident.status} />
            </span>
            <span className="min-w-0">
              {incident.url ? (
                <a href={incident.url} target="_blank" rel="noreferrer" className="font-medium text-slate-900 hover:underline">
                  {incident.title}
                </a>
              ) : (
                <span className="font-medium text-slate-900">{incident.title}</span>
              )}{" "}
              {incident.urgency === "high" ? <Badge tone="red">high</Badge> : null}
              <br />
              <Entities orgSlug={orgSlug} entities={incident.entities} />
            </span>
            <span className="text-xs text-slate-500" title={new Date(incident.createdAt).toLocaleString()}>
              {relativeTime(incident.createdAt)}
            </span>
          </li>
        ))}
        {group.monitors.map((monitor) => (
          <li key={`monitor-${monitor.externalId}`} className="grid grid-cols-[6.5rem_1fr_auto] items-start gap-3 px-5 py-2">
            <MonitorState state={monitor.data.overallState} />
            <span className="min-w-0">
              {monitor.url ? (
                <a href={monitor.url} target="_blank" rel="noreferrer" className="text-slate-900 hover:underline">
                  {monitor.title}
                </a>
              ) : (
                monitor.title
              )}
              <br />
              <Entities orgSlug={orgSlug} entities={monitor.entities} />
            </span>
            <span className="text-xs text-slate-500">{monitor.occurredAt ? relativeTime(monitor.occurredAt) : ""}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The org-wide view of open incidents and alerting monitors, refreshed every 30 s. */
export function BurningView({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.operations.burning.queryOptions({ orgSlug }), refetchInterval: 30_000 });
  if (query.isPending) return <Skeleton className="h-64" />;
  if (query.error) return <Alert title="Could not load incidents and monitors">{query.error.message}</Alert>;
  const { groups, totals, freshness } = query.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex gap-2 text-sm" data-testid="burning-totals">
          <Badge tone={totals.incidents ? "red" : "emerald"}>{totals.incidents === 1 ? "1 open incident" : `${totals.incidents} open incidents`}</Badge>
          {totals.highUrgency ? <Badge tone="red">{totals.highUrgency} high urgency</Badge> : null}
          <Badge tone={totals.alerting ? "red" : "emerald"}>{totals.alerting === 1 ? "1 alerting monitor" : `${totals.alerting} alerting monitors`}</Badge>
        </p>
        <FreshnessLine freshness={freshness} />
      </div>
      {freshness.length === 0 ? (
        <EmptyState title="PagerDuty and Datadog are not connected" description="An admin connects them in Settings → Integrations; open incidents and alerting monitors then show here." />
      ) : groups.length === 0 ? (
        <EmptyState title="Nothing is burning" description="No open incidents and no alerting monitors." />
      ) : (
        <div className="grid gap-4 xl:grid-cols-2">
          {groups.map((group) => (
            <GroupCard key={group.ownerRef ?? "unlinked"} orgSlug={orgSlug} group={group} />
          ))}
        </div>
      )}
    </div>
  );
}
