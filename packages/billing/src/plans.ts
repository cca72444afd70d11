import type { BillingStateRecord } from "@greenroom/db";

// The plans, defined once: limits, features and the words the UI shows. Server-side checks
// (limits.ts) and every page read from here. Type-only imports, so client components may
// import this file too.

export type PlanId = "FREE" | "TEAM" | "ENTERPRISE";
export type IntegrationKind = "github" | "pagerduty" | "datadog";
export type PlanFeature = "webhooks" | "sso" | "auditExport";

export type PlanDefinition = {
  id: PlanId;
  name: string;
  pricing: "free" | "per_seat" | "contact_us";
  /** null: no member limit. */
  maxMembers: number | null;
  maxIntegrations: number;
  integrations: readonly IntegrationKind[];
  /** The shortest interval between scheduled syncs. */
  minSyncIntervalMinutes: number;
  features: readonly PlanFeature[];
  highlights: readonly string[];
};

const ALL_INTEGRATIONS: readonly IntegrationKind[] = ["github", "pagerduty", "datadog"];

export const PLANS: Record<PlanId, PlanDefinition> = {
  FREE: {
    id: "FREE",
    name: "Free",
    pricing: "free",
    maxMembers: 5,
    maxIntegrations: 1,
    integrations: ALL_INTEGRATIONS,
    minSyncIntervalMinutes: 24 * 60,
    features: [],
    highlights: ["Up to 5 members", "1 integration", "Daily sync"],
  },
  TEAM: {
    id: "TEAM",
    name: "Team",
    pricing: "per_seat",
    maxMembers: null,
    maxIntegrations: ALL_INTEGRATIONS.length,
    integrations: ALL_INTEGRATIONS,
    minSyncIntervalMinutes: 15,
    features: ["webhooks"],
    highlights: ["Unlimited members, billed per seat", "GitHub, PagerDuty and Datadog", "Sync every 15 minutes", "Webhooks"],
  },
  ENTERPRISE: {
    id: "ENTERPRISE",
    name: "Enterprise",
    pricing: "contact_us",
    maxMembers: null,
    maxIntegrations: ALL_INTEGRATIONS.length,
    integrations: ALL_INTEGRATIONS,
    minSyncIntervalMinutes: 5,
    features: ["webhooks", "sso", "auditExport"],
    highlights: ["Everything in Team", "SSO", "Audit log export", "Sync every 5 minutes"],
  },
};

export const PLAN_ORDER: readonly PlanId[] = ["FREE", "TEAM", "ENTERPRISE"];
export const INTEGRATION_NAMES: Record<IntegrationKind, string> = { github: "GitHub", pagerduty: "PagerDuty", datadog: "Datadog" };
export const FEATURE_NAMES: Record<PlanFeature, string> = { webhooks: "Webhooks", sso: "SSO", auditExport: "Audit log export" };

/** The plan a trial gives: every Team feature, for the trial's 14 days. */
export const TRIAL_PLAN: PlanId = "TEAM";

/** Stripe subscription statuses in good standing, in dunning, and not yet ended. */
export const PAID_STATUSES = new Set(["active", "trialing"]);
export const DUNNING_STATUSES = new Set(["past_due", "unpaid"]);
export const LIVE_STATUSES = new Set(["active", "trialing", "past_due", "unpaid", "incomplete", "paused"]);

export type BillingSnapshot = Pick<BillingStateRecord, "plan" | "trialEndsAt" | "stripeSubscriptionId" | "subscriptionStatus" | "graceUntil">;

/**
 * The plan whose limits apply right now. Evaluated at every point of use rather than trusted
 * from the stored column, so a trial or a payment grace period ends on time even if the
 * reconcile job that records it has not run yet.
 *  - Enterprise is assigned by hand (contact us) and is not driven by Stripe.
 *  - An org that has ever subscribed follows its subscription: paid → Team; payment failed →
 *    Team until the grace period ends, then Free; ended → Free.
 *  - An org that never subscribed is on its trial (Team) until trialEndsAt, then Free.
 * Free keeps all data: limits stop new members and integrations, nothing is deleted.
 */
export function effectivePlan(state: BillingSnapshot, now = new Date()): PlanId {
  if (state.plan === "ENTERPRISE") return "ENTERPRISE";
  if (state.subscriptionStatus) {
    if (PAID_STATUSES.has(state.subscriptionStatus)) return "TEAM";
    if (DUNNING_STATUSES.has(state.subscriptionStatus) && state.graceUntil && state.graceUntil > now) return "TEAM";
    return "FREE";
  }
  if (state.plan === "TEAM") return "TEAM"; // granted without Stripe (support, a partner deal)
  return state.trialEndsAt && state.trialEndsAt > now ? TRIAL_PLAN : "FREE";
}

/** On the trial right now: never subscribed, trial not over. */
export function trialDaysLeft(state: BillingSnapshot, now = new Date()): number | null {
  if (state.subscriptionStatus || state.plan !== "FREE" || !state.trialEndsAt || state.trialEndsAt <= now) return null;
  return Math.max(1, Math.ceil((state.trialEndsAt.getTime() - now.getTime()) / (24 * 3600 * 1000)));
}

/** A failed payment is being retried: the date the org falls back to Free unless it is fixed. */
export function paymentGraceUntil(state: BillingSnapshot, now = new Date()): Date | null {
  if (state.plan === "ENTERPRISE" || !state.subscriptionStatus || !DUNNING_STATUSES.has(state.subscriptionStatus)) return null;
  return state.graceUntil && state.graceUntil > now ? state.graceUntil : null;
}

/** The cheapest plan that satisfies `accepts`, or null when none does. */
export function lowestPlanWhere(accepts: (plan: PlanDefinition) => boolean): PlanId | null {
  return PLAN_ORDER.find((id) => accepts(PLANS[id])) ?? null;
}
