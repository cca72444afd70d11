import type { Plan } from "../generated/prisma/enums";
import type { Tx } from "../tx";

/** The org's billing state as packages/billing reads and writes it. */
export type BillingStateRecord = {
  id: string;
  slug: string;
  name: string;
  plan: Plan;
  trialEndsAt: Date | null;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  subscriptionStatus: string | null;
  seats: number | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  graceUntil: Date | null;
  billingSyncedAt: Date | null;
};

export type BillingStateUpdate = Partial<Omit<BillingStateRecord, "id" | "slug" | "name" | "trialEndsAt">>;

export type BillingEventRecord = { stripeEventId: string; type: string; occurredAt: Date; receivedAt: Date };

const billingSelect = {
  id: true,
  slug: true,
  name: true,
  plan: true,
  trialEndsAt: true,
  stripeCustomerId: true,
  stripeSubscriptionId: true,
  subscriptionStatus: true,
  seats: true,
  currentPeriodEnd: true,
  cancelAtPeriodEnd: true,
  graceUntil: true,
  billingSyncedAt: true,
} as const;

/** The current tenant's billing state (its registry row) and its applied Stripe events. */
export function billingRepo(tx: Tx, tenantId: string) {
  return {
    get: (): Promise<BillingStateRecord> => tx.organization.findUniqueOrThrow({ where: { id: tenantId }, select: billingSelect }),
    /**
     * Locks the org's registry row for the rest of the transaction, then reads it. Everything
     * that changes seats or billing state takes this lock first, so two webhooks for one org, or
     * two invitations racing for the last free seat, are applied one after the other.
     */
    lock: async (): Promise<BillingStateRecord> => {
      await tx.$queryRaw`SELECT id FROM organizations WHERE id = ${tenantId}::uuid FOR UPDATE`;
      return tx.organization.findUniqueOrThrow({ where: { id: tenantId }, select: billingSelect });
    },
    update: (data: BillingStateUpdate): Promise<BillingStateRecord> =>
      tx.organization.update({ where: { id: tenantId }, data, select: billingSelect }),
    /**
     * Records a webhook event as applied; false when it already was. ON CONFLICT DO NOTHING
     * waits for a concurrent insert of the same event to commit or roll back, so exactly one
     * delivery applies it.
     */
    recordEvent: async (event: { stripeEventId: string; type: string; occurredAt: Date }): Promise<boolean> => {
      const { count } = await tx.billingEvent.createMany({ data: [{ ...event, tenantId }], skipDuplicates: true });
      return count === 1;
    },
    listEvents: (limit: number): Promise<BillingEventRecord[]> =>
      tx.billingEvent.findMany({
        where: { tenantId },
        select: { stripeEventId: true, type: true, occurredAt: true, receivedAt: true },
        orderBy: { receivedAt: "desc" },
        take: limit,
      }),
  };
}

/** Global look-ups across the registry: which org a Stripe customer is, and sweep candidates. */
export function billingDirectoryRepo(tx: Tx) {
  return {
    findByStripeCustomerId: (customerId: string) =>
      tx.organization.findUnique({ where: { stripeCustomerId: customerId }, select: { id: true, stripeCustomerId: true } }),
    /** Orgs whose subscription needs the periodic reconcile (seats, grace expiry). */
    listSubscribed: (limit: number, afterId?: string) =>
      tx.organization.findMany({
        where: { stripeSubscriptionId: { not: null }, ...(afterId ? { id: { gt: afterId } } : {}) },
        select: { id: true, subscriptionStatus: true, graceUntil: true, plan: true },
        orderBy: { id: "asc" },
        take: limit,
      }),
  };
}
