"use client";

import type { RouterInputs } from "@greenroom/api";
import { Alert, Badge, Button, Card, EmptyState, Field, Input, Select, Skeleton } from "@greenroom/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { useTRPC } from "~/trpc/react";

type AuditFilter = RouterInputs["audit"]["list"];
type ActionFilter = NonNullable<AuditFilter["action"]>;

const ACTION_OPTIONS: { value: ActionFilter; label: string }[] = [
  { value: "member", label: "All member changes" },
  { value: "member.joined", label: "Member joined" },
  { value: "member.role_changed", label: "Role changed" },
  { value: "member.removed", label: "Member removed" },
  { value: "member.left", label: "Member left" },
  { value: "invitation", label: "All invitations" },
  { value: "invitation.created", label: "Invitation sent" },
  { value: "invitation.accepted", label: "Invitation accepted" },
  { value: "invitation.revoked", label: "Invitation revoked" },
  { value: "org", label: "All organization changes" },
  { value: "org.created", label: "Organization created" },
  { value: "org.settings_updated", label: "Settings changed" },
  { value: "billing", label: "All billing changes" },
  { value: "billing.plan_changed", label: "Plan changed" },
  { value: "billing.checkout_started", label: "Checkout started" },
  { value: "billing.portal_opened", label: "Billing portal opened" },
  { value: "billing.subscription_updated", label: "Subscription updated" },
  { value: "billing.seats_changed", label: "Seats changed" },
  { value: "billing.payment_failed", label: "Payment failed" },
  { value: "billing.payment_succeeded", label: "Payment succeeded" },
  { value: "api_token.created", label: "API token created" },
  { value: "api_token.revoked", label: "API token revoked" },
  { value: "integration.connected", label: "Integration connected" },
  { value: "integration.disconnected", label: "Integration disconnected" },
];

function describe(event: { action: string; targetLabel: string | null; metadata: unknown }): string {
  const meta = (event.metadata ?? {}) as Record<string, unknown>;
  switch (event.action) {
    case "member.role_changed":
      return `${event.targetLabel}: ${String(meta.from).toLowerCase()} → ${String(meta.to).toLowerCase()}`;
    case "org.settings_updated": {
      const name = (meta.changes as { name?: { from: string; to: string } } | undefined)?.name;
      return name ? `Name: “${name.from}” → “${name.to}”` : "Settings changed";
    }
    case "invitation.created":
      return `${event.targetLabel} as ${String(meta.role).toLowerCase()}`;
    case "member.joined":
      return `${event.targetLabel} as ${String(meta.role).toLowerCase()}`;
    case "billing.plan_changed":
      return `${String(meta.from).toLowerCase()} → ${String(meta.to).toLowerCase()}${meta.reason ? ` (${String(meta.reason)})` : ""}`;
    case "billing.seats_changed":
      return `${String(meta.from ?? 0)} → ${String(meta.to)} seats`;
    case "billing.checkout_started":
      return `Team, ${String(meta.seats)} seat${meta.seats === 1 ? "" : "s"}`;
    case "billing.portal_opened":
      return "Opened the Stripe customer portal";
    case "billing.payment_succeeded":
      return `${typeof meta.amountPaid === "number" ? (meta.amountPaid / 100).toFixed(2) : "?"} ${String(meta.currency ?? "").toUpperCase()} paid`;
    case "billing.subscription_updated": {
      const changes = (meta.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
      const parts = [
        changes.status ? `status ${String(changes.status.from ?? "none")} → ${String(changes.status.to)}` : null,
        changes.cancelAtPeriodEnd ? (changes.cancelAtPeriodEnd.to ? "cancels at period end" : "cancellation undone") : null,
        changes.currentPeriodEnd && !changes.status ? "new billing period" : null,
      ].filter(Boolean);
      return parts.join(", ") || "Subscription updated";
    }
    case "billing.payment_failed":
      return `${typeof meta.amountDue === "number" ? (meta.amountDue / 100).toFixed(2) : "?"} ${String(meta.currency ?? "").toUpperCase()} declined`;
    default:
      return event.targetLabel ?? "";
  }
}

export function AuditLog({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // Filters live in the URL, so a filtered view can be shared and survives a reload.
  const filter = {
    orgSlug,
    action: (params.get("action") || undefined) as ActionFilter | undefined,
    actorId: params.get("actor") || undefined,
    from: params.get("from") ? new Date(`${params.get("from")}T00:00:00`) : undefined,
    to: params.get("to") ? new Date(`${params.get("to")}T23:59:59.999`) : undefined,
  };
  const members = useQuery(trpc.members.list.queryOptions({ orgSlug }));
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(filter, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );

  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    router.replace(`${pathname}?${next.toString()}`);
  }

  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <div className="space-y-4">
      <Card className="grid grid-cols-1 gap-4 px-5 py-4 sm:grid-cols-4">
        <Field id="filter-action" label="Action">
          <Select id="filter-action" value={params.get("action") ?? ""} onChange={(event) => setParam("action", event.target.value)}>
            <option value="">All actions</option>
            {ACTION_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="filter-actor" label="Who">
          <Select id="filter-actor" value={params.get("actor") ?? ""} onChange={(event) => setParam("actor", event.target.value)}>
            <option value="">Anyone</option>
            {members.data?.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.email})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="filter-from" label="From">
          <Input id="filter-from" type="date" value={params.get("from") ?? ""} onChange={(event) => setParam("from", event.target.value)} />
        </Field>
        <Field id="filter-to" label="To">
          <Input id="filter-to" type="date" value={params.get("to") ?? ""} onChange={(event) => setParam("to", event.target.value)} />
        </Field>
      </Card>
      <Card>
        {events.isPending ? (
          <div className="space-y-2 p-5">
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
        ) : events.error ? (
          <div className="p-5">
            <Alert>{events.error.message}</Alert>
          </div>
        ) : rows.length === 0 ? (
          <EmptyState title="No events match these filters" description="Clear a filter to see more." />
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-5 py-2 font-medium">When</th>
                <th className="px-5 py-2 font-medium">Who</th>
                <th className="px-5 py-2 font-medium">What</th>
                <th className="px-5 py-2 font-medium">Details</th>
                <th className="px-5 py-2 font-medium">From</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100" data-testid="audit-rows">
              {rows.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap px-5 py-2.5 text-slate-500" title={event.createdAt.toISOString()}>
                    {event.createdAt.toLocaleString()}
                  </td>
                  <td className="px-5 py-2.5 text-slate-900">{event.actorEmail ?? "system"}</td>
                  <td className="px-5 py-2.5">
                    <Badge tone={event.action.startsWith("member") ? "emerald" : event.action.startsWith("invitation") ? "sky" : event.action.startsWith("billing") ? "amber" : "slate"}>
                      {event.action}
                    </Badge>
                  </td>
                  <td className="px-5 py-2.5 text-slate-700">{describe(event)}</td>
                  <td className="px-5 py-2.5 font-mono text-xs text-slate-500">{event.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {events.hasNextPage ? (
          <div className="border-t border-slate-100 px-5 py-3 text-center">
            <Button variant="secondary" size="sm" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
              Load older events
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
