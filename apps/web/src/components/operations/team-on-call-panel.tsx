"use client";

import { Badge, Card, CardHeader, Skeleton } from "@greenroom/ui";
import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";

import { FreshnessLine } from "./freshness-line";
import { OpsBadges } from "./ops-badges";

/** The team page's "on call now" panel: who answers for what the team owns, and what is wrong with it. */
export function TeamOnCallPanel({ orgSlug, namespace, name }: { orgSlug: string; namespace: string; name: string }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.operations.teamOnCall.queryOptions({ orgSlug, namespace, name }), refetchInterval: 30_000 });
  if (query.isPending) return <Skeleton className="h-32" />;
  if (query.error || query.data.freshness.length === 0) return null;
  const { now, badges } = query.data;
  const problems = Object.values(badges).some((count) => count > 0);
  return (
    <Card>
      <CardHeader title="On call now" description={problems ? <OpsBadges badges={badges} /> : "Nothing alerting in what this team owns"} />
      <ul className="divide-y divide-slate-100 text-sm" data-testid="team-on-call">
        {now.length === 0 ? <li className="px-5 py-3 text-slate-500">No PagerDuty service linked to this team&apos;s entities has anyone on call.</li> : null}
        {now.map((shift) => (
          <li key={`${shift.escalationPolicyId}-${shift.level}-${shift.userName}`} className="flex flex-wrap items-center gap-2 px-5 py-2">
            <Badge tone={shift.level === 1 ? "emerald" : "sky"}>L{shift.level}</Badge>
            <span className="font-medium text-slate-900">{shift.userName}</span>
            <span className="min-w-0 truncate text-xs text-slate-500" title={shift.services.join(", ")}>
              {shift.services.slice(0, 3).join(", ")}
              {shift.services.length > 3 ? ` +${shift.services.length - 3}` : ""}
            </span>
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-100 px-5 py-2">
        <FreshnessLine freshness={query.data.freshness} />
      </div>
    </Card>
  );
}
