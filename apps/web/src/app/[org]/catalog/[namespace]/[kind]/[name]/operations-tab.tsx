"use client";

import type { RouterOutputs } from "@greenroom/api";
import { Alert, Badge, Button, Card, CardHeader, EmptyState, Skeleton } from "@greenroom/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { FreshnessLine } from "~/components/operations/freshness-line";
import { IncidentStatus, MonitorState } from "~/components/operations/monitor-state";
import { relativeTime } from "~/components/operations/relative-time";
import { useTRPC } from "~/trpc/react";

import type { EntityData } from "./entity-view";
import { TriggerIncidentDialog } from "./trigger-incident-dialog";

type Operations = RouterOutputs["operations"]["entity"];

const external = "text-emerald-700 hover:underline";

function OnCallCard({ operations }: { operations: Operations }) {
  const policies = operations.pagerduty.onCall;
  return (
    <Card>
      <CardHeader title="On call" description={policies.length ? "Levels 1 and 2 of each escalation policy, now and next" : undefined} />
      {policies.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No PagerDuty service is linked, so nobody is known to be on call.</p>
      ) : (
        <div className="divide-y divide-slate-100">
          {policies.map((policy) => (
            <div key={policy.policyId} className="px-5 py-3 text-sm">
              <p className="mb-2 text-xs uppercase tracking-wide text-slate-500">
                Escalation policy{" "}
                {policy.policy?.url ? (
                  <a href={policy.policy.url} target="_blank" rel="noreferrer" className={external}>
                    {policy.policy.data.name}
                  </a>
                ) : (
                  (policy.policy?.data.name ?? policy.policyId)
                )}
              </p>
              <ul className="space-y-1.5" aria-label="On call now">
                {policy.now.length === 0 ? <li className="text-slate-500">Nobody on call right now</li> : null}
                {policy.now.map((shift) => (
                  <li key={`${shift.level}-${shift.userName}`} className="flex flex-wrap items-center gap-2">
                    <Badge tone={shift.level === 1 ? "emerald" : "sky"}>L{shift.level}</Badge>
                    <span className="font-medium text-slate-900">{shift.userName}</span>
                    {shift.userEmail ? <span className="text-slate-500">{shift.userEmail}</span> : null}
                    <span className="text-xs text-slate-500">{shift.end ? `until ${new Date(shift.end).toLocaleString()}` : "always"}</span>
                  </li>
                ))}
              </ul>
              {policy.next.length ? (
                <p className="mt-2 text-xs text-slate-500">
                  Next:{" "}
                  {policy.next.map((shift, index) => (
                    <span key={`${shift.level}-${shift.userName}`}>
                      {index ? ", " : ""}L{shift.level} {shift.userName} {shift.start ? relativeTime(shift.start) : ""}
                    </span>
                  ))}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

function IncidentsCard({ operations }: { operations: Operations }) {
  const incidents = operations.incidents;
  const open = incidents.filter((incident) => incident.open).length;
  return (
    <Card>
      <CardHeader title={`Incidents${open ? ` (${open} open)` : ""}`} description="Open incidents first, then the latest resolved" />
      {incidents.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No open or recent incidents.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-5 py-2 font-medium">Status</th>
              <th className="py-2 font-medium">Incident</th>
              <th className="py-2 font-medium">Urgency</th>
              <th className="px-5 py-2 font-medium">Age</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {incidents.map((incident) => (
              <tr key={`${incident.vendor}-${incident.id}`}>
                <td className="px-5 py-2">
                  <IncidentStatus status={incident.status} />
                </td>
                <td className="py-2">
                  {incident.url ? (
                    <a href={incident.url} target="_blank" rel="noreferrer" className={external}>
                      {incident.title}
                    </a>
                  ) : (
                    incident.title
                  )}
                  <span className="ml-2 text-xs text-slate-500">{incident.vendor === "pagerduty" ? "PagerDuty" : "Datadog"}{incident.serviceName ? ` · ${incident.serviceName}` : ""}</span>
                </td>
                <td className="py-2">{incident.urgency ? <Badge tone={incident.urgency === "high" ? "red" : "slate"}>{incident.urgency}</Badge> : null}</td>
                <td className="px-5 py-2 text-slate-600" title={new Date(incident.createdAt).toLocaleString()}>
                  {relativeTime(incident.createdAt).replace(" ago", "")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function MonitorsCard({ operations }: { operations: Operations }) {
  const { monitors, monitorCounts } = operations.datadog;
  return (
    <Card>
      <CardHeader title="Monitors" description="Datadog monitors tagged with this service, worst first" />
      {monitors.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No Datadog monitor carries this service&apos;s tag.</p>
      ) : (
        <>
          <div className="flex flex-wrap gap-2 px-5 pt-3" aria-label="Monitors by state">
            {Object.entries(monitorCounts).map(([state, count]) => (
              <span key={state} className="inline-flex items-center gap-1 text-sm">
                <MonitorState state={state} /> {count}
              </span>
            ))}
          </div>
          <ul className="divide-y divide-slate-100 px-5 py-2 text-sm">
            {monitors.slice(0, 25).map((monitor) => (
              <li key={monitor.externalId} className="flex items-center gap-2 py-1.5">
                <MonitorState state={monitor.data.overallState} />
                {monitor.url ? (
                  <a href={monitor.url} target="_blank" rel="noreferrer" className={`truncate ${external}`}>
                    {monitor.title}
                  </a>
                ) : (
                  <span className="truncate">{monitor.title}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function BudgetBar({ remaining }: { remaining: number | null }) {
  if (remaining === null) return <span className="text-xs text-slate-400">no data</span>;
  const width = Math.max(0, Math.min(100, remaining));
  const tone = remaining < 0 ? "bg-red-500" : remaining < 25 ? "bg-amber-500" : "bg-emerald-500";
  return (
    <div className="flex items-center gap-2" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(remaining)} aria-label="Error budget remaining">
      <div className="h-2 w-32 overflow-hidden rounded-full bg-slate-100">
        <div className={`h-full ${tone}`} style={{ width: `${width}%` }} />
      </div>
      <span className="text-xs tabular-nums text-slate-600">{remaining.toFixed(1)}%</span>
    </div>
  );
}

function SlosCard({ operations }: { operations: Operations }) {
  const slos = operations.datadog.slos;
  return (
    <Card>
      <CardHeader title="SLOs" description="Target, current value and remaining error budget" />
      {slos.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-500">No Datadog SLO carries this service&apos;s tag.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {slos.map((slo) => (
            <li key={slo.externalId} className="grid grid-cols-[1fr_auto_auto] items-center gap-4 px-5 py-2">
              <span className="flex min-w-0 items-center gap-2">
                <span className="min-w-0 truncate" title={slo.title}>
                  {slo.url ? (
                    <a href={slo.url} target="_blank" rel="noreferrer" className={external}>
                      {slo.title}
                    </a>
                  ) : (
                    slo.title
                  )}
                </span>
                {slo.state === "breached" ? <Badge tone="red">breached</Badge> : slo.state === "at_risk" ? <Badge tone="amber">at risk</Badge> : null}
              </span>
              <span className="text-xs tabular-nums text-slate-600">
                {slo.data.sliValue === null ? "—" : `${slo.data.sliValue.toFixed(3)}%`} / {slo.data.target}% ({slo.data.timeframe})
              </span>
              <BudgetBar remaining={slo.data.errorBudgetRemaining} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function LinksCard({ operations }: { operations: Operations }) {
  const links = [
    ...operations.pagerduty.services.flatMap((service) => (service.url ? [{ name: `PagerDuty: ${service.data.name}`, url: service.url }] : [])),
    ...operations.datadog.services.flatMap((service) => service.data.links.map((link) => ({ name: `${link.name} (${link.type})`, url: link.url }))),
  ];
  const service = operations.datadog.services[0];
  if (!links.length && !service) return null;
  return (
    <Card>
      <CardHeader title="Service" description={service ? `Datadog service definition (schema ${service.data.schemaVersion})` : "Links out"} />
      <div className="space-y-2 px-5 py-3 text-sm">
        {service ? (
          <p className="flex flex-wrap gap-2">
            {service.data.tier ? <Badge tone="sky">tier {service.data.tier}</Badge> : null}
            {service.data.team ? <Badge>team {service.data.team}</Badge> : null}
            {service.data.lifecycle ? <Badge>{service.data.lifecycle}</Badge> : null}
            {service.data.contacts.map((contact) => (
              <Badge key={contact.contact}>
                {contact.type}: {contact.contact}
              </Badge>
            ))}
          </p>
        ) : null}
        <ul className="space-y-1">
          {links.map((link) => (
            <li key={link.url}>
              <a href={link.url} target="_blank" rel="noreferrer" className={external}>
                {link.name}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

/** On call, incidents, monitors and SLOs for one entity: synced data from Postgres, never live vendor calls. */
export function OperationsTab({ orgSlug, entity }: { orgSlug: string; entity: EntityData }) {
  const trpc = useTRPC();
  const [triggering, setTriggering] = useState(false);
  const query = useQuery({
    ...trpc.operations.entity.queryOptions({ orgSlug, kind: entity.kind, namespace: entity.namespace, name: entity.name }),
    refetchInterval: 30_000,
  });
  if (query.isPending) return <Skeleton className="h-64" />;
  if (query.error) return <Alert title="Operations data could not be loaded">{query.error.message}</Alert>;
  const operations = query.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <FreshnessLine freshness={operations.freshness} />
        {operations.canTrigger ? (
          <Button variant="danger" onClick={() => setTriggering(true)}>
            Trigger incident
          </Button>
        ) : null}
      </div>
      {operations.freshness.length === 0 ? (
        <EmptyState title="No operations data yet" description="An admin connects PagerDuty and Datadog in Settings → Integrations; on call, incidents, monitors and SLOs then show here." />
      ) : !operations.linked ? (
        <EmptyState
          title="Nothing links this entity to PagerDuty or Datadog"
          description="Add the pagerduty.com/service-id or datadoghq.com/service-name annotation to its catalog-info.yaml, or ask an admin to map a PagerDuty service to it in Settings → Integrations."
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <OnCallCard operations={operations} />
          <IncidentsCard operations={operations} />
          <MonitorsCard operations={operations} />
          <SlosCard operations={operations} />
          <LinksCard operations={operations} />
        </div>
      )}
      {triggering ? <TriggerIncidentDialog orgSlug={orgSlug} entity={entity} onClose={() => setTriggering(false)} /> : null}
    </div>
  );
}
