import type { Prisma, TenantDb } from "@greenroom/db";

/** Billing's audit actions; accounts' AUDIT_ACTIONS includes them, so the audit page lists them. */
export const BILLING_AUDIT_ACTIONS = [
  "billing.checkout_started",
  "billing.portal_opened",
  "billing.plan_changed",
  "billing.subscription_updated",
  "billing.seats_changed",
  "billing.payment_failed",
  "billing.payment_succeeded",
] as const;

export type BillingAuditAction = (typeof BILLING_AUDIT_ACTIONS)[number];

export type BillingActor = { userId: string; email: string } | null;
export type BillingRequestMeta = { ip: string | null; userAgent: string | null };

const NO_REQUEST: BillingRequestMeta = { ip: null, userAgent: null };

/** An audit row about the org's billing. A null actor is Stripe or a scheduled job ("system"). */
export async function recordBillingAudit(
  db: TenantDb,
  actor: BillingActor,
  action: BillingAuditAction,
  metadata: Record<string, Prisma.InputJsonValue | null>,
  meta: BillingRequestMeta = NO_REQUEST,
): Promise<void> {
  await db.auditEvents.record({
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    action,
    targetType: "organization",
    targetId: db.tenantId,
    targetLabel: "Billing",
    metadata,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
}
