import { describe, expect, it } from "vitest";

import { assertFeatureAllowed, assertIntegrationAllowed, assertScheduleAllowed, assertSeatAvailable, PlanLimitError } from "./limits";
import { effectivePlan, paymentGraceUntil, trialDaysLeft, type BillingSnapshot } from "./plans";

const DAY = 24 * 3600 * 1000;
const now = new Date("2026-11-22T12:00:00Z");
const snapshot = (overrides: Partial<BillingSnapshot>): BillingSnapshot => ({
  plan: "FREE",
  trialEndsAt: null,
  stripeSubscriptionId: null,
  subscriptionStatus: null,
  graceUntil: null,
  ...overrides,
});

function limitError(run: () => void): PlanLimitError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanLimitError) return error;
    throw error;
  }
  throw new Error("expected a PlanLimitError");
}

describe("effectivePlan", () => {
  it("is Team during the trial and Free after it, keeping nothing else in mind", () => {
    expect(effectivePlan(snapshot({ trialEndsAt: new Date(now.getTime() + DAY) }), now)).toBe("TEAM");
    expect(trialDaysLeft(snapshot({ trialEndsAt: new Date(now.getTime() + 13.5 * DAY) }), now)).toBe(14);
    expect(effectivePlan(snapshot({ trialEndsAt: new Date(now.getTime() - 1) }), now)).toBe("FREE");
    expect(trialDaysLeft(snapshot({ trialEndsAt: new Date(now.getTime() - 1) }), now)).toBeNull();
  });

  it("follows the subscription once there is one, trial or not", () => {
    const trialLeft = new Date(now.getTime() + 5 * DAY);
    expect(effectivePlan(snapshot({ subscriptionStatus: "active", stripeSubscriptionId: "sub_1", trialEndsAt: trialLeft }), now)).toBe("TEAM");
    expect(effectivePlan(snapshot({ subscriptionStatus: "trialing", stripeSubscriptionId: "sub_1" }), now)).toBe("TEAM");
    // Canceled during the trial: the trial went with the subscription.
    expect(effectivePlan(snapshot({ subscriptionStatus: "canceled", stripeSubscriptionId: "sub_1", trialEndsAt: trialLeft }), now)).toBe("FREE");
    expect(trialDaysLeft(snapshot({ subscriptionStatus: "active", trialEndsAt: trialLeft }), now)).toBeNull();
  });

  it("keeps Team through the payment grace period only", () => {
    const failing = snapshot({ plan: "TEAM", subscriptionStatus: "past_due", stripeSubscriptionId: "sub_1", graceUntil: new Date(now.getTime() + 7 * DAY) });
    expect(effectivePlan(failing, now)).toBe("TEAM");
    expect(paymentGraceUntil(failing, now)).toEqual(failing.graceUntil);
    const later = new Date(now.getTime() + 7 * DAY + 1);
    expect(effectivePlan(failing, later)).toBe("FREE");
    expect(paymentGraceUntil(failing, later)).toBeNull();
  });

  it("leaves Enterprise alone: it is sold by hand, not by Stripe", () => {
    expect(effectivePlan(snapshot({ plan: "ENTERPRISE", subscriptionStatus: "canceled" }), now)).toBe("ENTERPRISE");
  });
});

describe("limits name the plan that lifts them", () => {
  it("seats: Free holds 5, Team and Enterprise have no cap", () => {
    expect(() => assertSeatAvailable("FREE", 4)).not.toThrow();
    const error = limitError(() => assertSeatAvailable("FREE", 5));
    expect(error).toMatchObject({ code: "PAYMENT_REQUIRED", upgradeTo: "TEAM" });
    expect(error.message).toContain("Upgrade to Team");
    expect(() => assertSeatAvailable("TEAM", 500)).not.toThrow();
    expect(() => assertSeatAvailable("ENTERPRISE", 5000)).not.toThrow();
  });

  it("integrations: one on Free, all three on Team", () => {
    expect(() => assertIntegrationAllowed("FREE", 0, "github")).not.toThrow();
    expect(() => assertIntegrationAllowed("FREE", 0, "datadog")).not.toThrow();
    const error = limitError(() => assertIntegrationAllowed("FREE", 1, "pagerduty"));
    expect(error.upgradeTo).toBe("TEAM");
    expect(error.message).toBe("Free includes 1 integration. Upgrade to Team to connect GitHub, PagerDuty and Datadog together.");
    expect(() => assertIntegrationAllowed("TEAM", 2, "datadog")).not.toThrow();
    expect(limitError(() => assertIntegrationAllowed("TEAM", 3, "github")).upgradeTo).toBeNull();
  });

  it("schedules: daily on Free, every 15 minutes on Team, every 5 on Enterprise", () => {
    expect(() => assertScheduleAllowed("FREE", 24 * 60)).not.toThrow();
    const free = limitError(() => assertScheduleAllowed("FREE", 60));
    expect(free).toMatchObject({ upgradeTo: "TEAM", field: "intervalMinutes" });
    expect(free.message).toBe("Free syncs at most once a day. Upgrade to Team to sync every 15 minutes.");
    expect(() => assertScheduleAllowed("TEAM", 15)).not.toThrow();
    const team = limitError(() => assertScheduleAllowed("TEAM", 5));
    expect(team.upgradeTo).toBe("ENTERPRISE");
    expect(team.message).toBe("Team syncs at most every 15 minutes. Upgrade to Enterprise to sync every 5 minutes.");
    expect(() => assertScheduleAllowed("ENTERPRISE", 5)).not.toThrow();
    expect(() => assertScheduleAllowed("ENTERPRISE", 1)).toThrow("Syncs run at most every 5 minutes");
    expect(() => assertScheduleAllowed("ENTERPRISE", 0)).toThrow("positive number of minutes");
  });

  it("features: webhooks from Team, SSO and audit export on Enterprise", () => {
    expect(limitError(() => assertFeatureAllowed("FREE", "webhooks")).upgradeTo).toBe("TEAM");
    expect(() => assertFeatureAllowed("TEAM", "webhooks")).not.toThrow();
    const sso = limitError(() => assertFeatureAllowed("TEAM", "sso"));
    expect(sso.message).toBe("Team does not include SSO. Contact us about Enterprise.");
    expect(() => assertFeatureAllowed("ENTERPRISE", "auditExport")).not.toThrow();
  });
});
