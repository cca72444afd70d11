"use client";

import { Alert, Badge, Button, Card, CardHeader, Skeleton } from "@greenroom/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";

import { useTRPC } from "~/trpc/react";

import { EVENT_LABELS, formatDay, formatMoney, STATUS_LABELS } from "./format";
import { PlanCards } from "./plan-cards";

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex items-baseline justify-between gap-4 px-5 py-3 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right font-medium text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export function BillingView({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const queryClient = useQueryClient();
  const overview = useQuery(trpc.billing.overview.queryOptions({ orgSlug }));
  const details = useQuery(trpc.billing.stripeDetails.queryOptions({ orgSlug }, { enabled: overview.isSuccess && overview.data.configured }));
  const redirectTo = { onSuccess: ({ url }: { url: string }) => window.location.assign(url) };
  const checkout = useMutation(trpc.billing.startCheckout.mutationOptions(redirectTo));
  const portal = useMutation(trpc.billing.openPortal.mutationOptions(redirectTo));
  const refresh = useMutation(
    trpc.billing.refresh.mutationOptions({
      onSuccess: async (data) => {
        queryClient.setQueryData(trpc.billing.overview.queryKey({ orgSlug }), data);
        await queryClient.invalidateQueries({ queryKey: trpc.billing.stripeDetails.queryKey({ orgSlug }) });
        await queryClient.invalidateQueries({ queryKey: trpc.organization.get.queryKey({ orgSlug }) });
        router.refresh(); // the layout's banner and navigation read the plan too
      },
    }),
  );

  // Back from Stripe Checkout or the portal: re-read the subscription from Stripe once, so the
  // page is current even if the webhook has not arrived yet.
  const returned = params.get("checkout") === "success" || params.get("portal") === "return";
  const refreshed = useRef(false);
  useEffect(() => {
    if (returned && !refreshed.current) {
      refreshed.current = true;
      refresh.mutate({ orgSlug });
    }
  }, [returned, orgSlug, refresh]);

  if (overview.isPending) return <Skeleton className="h-64 w-full" />;
  if (overview.error) {
    return overview.error.data?.code === "FORBIDDEN" ? (
      <Alert tone="amber" title="Only owners can see and change billing">
        Ask an owner of this organization to change the plan or the payment method.
      </Alert>
    ) : (
      <Alert>{overview.error.message}</Alert>
    );
  }

  const data = overview.data;
  const sub = data.subscription;
  const status = sub?.status ? (STATUS_LABELS[sub.status] ?? { label: sub.status, tone: "slate" as const }) : null;
  const live = Boolean(sub && sub.status !== "canceled" && sub.status !== "incomplete_expired");
  const actionError = checkout.error ?? portal.error ?? refresh.error;
  const nextInvoice = details.data?.nextInvoice;

  return (
    <div className="space-y-6">
      {params.get("checkout") === "success" ? (
        <Alert tone="emerald" title="Thank you!">
          {data.plan === "TEAM" && live ? "Your organization is on Team." : "Your payment is being confirmed; this page updates in a moment."}
        </Alert>
      ) : null}
      {params.get("checkout") === "canceled" ? <Alert tone="sky">Checkout was canceled. Nothing changed.</Alert> : null}
      {!data.configured ? <Alert tone="amber">Billing is not set up on this server yet, so plans cannot be changed here.</Alert> : null}
      {actionError ? <Alert>{actionError.message}</Alert> : null}
      {data.paymentGraceUntil ? (
        <Alert title="Your last payment failed">
          Update your card by {formatDay(data.paymentGraceUntil)} to stay on Team. After that the organization moves to Free; nothing is deleted.
        </Alert>
      ) : null}

      <Card>
        <CardHeader
          title={
            <span className="flex items-center gap-2">
              Current plan: <span data-testid="current-plan">{data.planName}</span>
              {status ? <Badge tone={status.tone}>{status.label}</Badge> : null}
            </span>
          }
          description={data.trialDaysLeft !== null ? `Trial: ${data.trialDaysLeft} day${data.trialDaysLeft === 1 ? "" : "s"} left, every Team feature included.` : undefined}
          actions={
            data.hasBillingAccount ? (
              <Button variant="secondary" loading={portal.isPending} disabled={!data.configured} onClick={() => portal.mutate({ orgSlug })}>
                Manage billing
              </Button>
            ) : null
          }
        />
        <dl className="divide-y divide-slate-100">
          <Row label="Seats used" testId="seats-used">
            {data.seatsUsed} member{data.seatsUsed === 1 ? "" : "s"}
            {data.pendingInvitations ? ` + ${data.pendingInvitations} pending` : ""}
            {data.seatLimit !== null ? ` of ${data.seatLimit}` : ""}
          </Row>
          {data.trialEndsAt ? <Row label="Trial ends">{formatDay(data.trialEndsAt)}</Row> : null}
          {sub && live ? (
            <>
              <Row label="Seats billed" testId="seats-billed">
                {sub.seats ?? "—"}
              </Row>
              {sub.currentPeriodEnd ? (
                <Row label={sub.cancelAtPeriodEnd ? "Ends on" : sub.status === "trialing" ? "First charge on" : "Renews on"} testId="period-end">
                  {formatDay(sub.currentPeriodEnd)}
                </Row>
              ) : null}
              <Row label="Next invoice" testId="next-invoice">
                {sub.cancelAtPeriodEnd
                  ? "None: the plan is canceled at the end of this period"
                  : details.isPending
                    ? "Loading…"
                    : nextInvoice
                      ? `${formatMoney(nextInvoice.amountDue, nextInvoice.currency)} on ${formatDay(nextInvoice.date)}`
                      : details.error
                        ? "Could not reach Stripe; try again later"
                        : "None"}
              </Row>
            </>
          ) : null}
        </dl>
      </Card>

      <PlanCards
        current={data.plan}
        teamPrice={details.data?.teamPrice}
        canUpgrade={data.configured && !live && data.plan !== "ENTERPRISE"}
        upgrading={checkout.isPending}
        onUpgrade={() => checkout.mutate({ orgSlug })}
      />

      {data.recentEvents.length ? (
        <Card>
          <CardHeader title="Recent billing events" description="As received from Stripe." />
          <ul className="divide-y divide-slate-100 text-sm" data-testid="billing-events">
            {data.recentEvents.map((event) => (
              <li key={event.stripeEventId} className="flex justify-between px-5 py-2.5">
                <span className="text-slate-900">{EVENT_LABELS[event.type] ?? event.type}</span>
                <span className="text-slate-500">{event.receivedAt.toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
