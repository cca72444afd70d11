import { BillingError } from "./errors";
import { FEATURE_NAMES, INTEGRATION_NAMES, lowestPlanWhere, PLANS, type IntegrationKind, type PlanFeature, type PlanId } from "./plans";

// Limits are checked on the server at the point of use (inviting, accepting, connecting an
// integration, saving a schedule), with a message that names the plan that lifts the limit.

export class PlanLimitError extends BillingError {
  constructor(
    message: string,
    readonly upgradeTo: PlanId | null,
    field?: string,
  ) {
    super("PAYMENT_REQUIRED", message, field);
    this.name = "PlanLimitError";
  }
}

function upgradeHint(target: PlanId | null): string {
  if (!target) return "";
  return PLANS[target].pricing === "contact_us" ? ` Contact us about ${PLANS[target].name}.` : ` Upgrade to ${PLANS[target].name} for more.`;
}

/**
 * Refuses one more seat when `seatsInUse` already fills the plan. For invitations, count
 * members plus pending invitations (an invitation holds a seat); for accepting one, members.
 */
export function assertSeatAvailable(plan: PlanId, seatsInUse: number, situation: "invite" | "accept" = "invite"): void {
  const max = PLANS[plan].maxMembers;
  if (max === null || seatsInUse + 1 <= max) return;
  const target = lowestPlanWhere((candidate) => candidate.maxMembers === null || candidate.maxMembers > seatsInUse);
  const name = PLANS[plan].name;
  if (situation === "accept") {
    throw new PlanLimitError(
      `This organization is on ${name}, which includes up to ${max} members, and it is full. Ask an owner to upgrade to ${PLANS[target ?? "TEAM"].name}.`,
      target,
    );
  }
  throw new PlanLimitError(
    `${name} includes up to ${max} members, counting pending invitations (${seatsInUse} of ${max} used).${upgradeHint(target)}`,
    target,
  );
}

/** Before connecting integration number `currentCount + 1` of `kind`. */
export function assertIntegrationAllowed(plan: PlanId, currentCount: number, kind: IntegrationKind): void {
  const definition = PLANS[plan];
  if (!definition.integrations.includes(kind)) {
    const target = lowestPlanWhere((candidate) => candidate.integrations.includes(kind));
    throw new PlanLimitError(`${definition.name} does not include the ${INTEGRATION_NAMES[kind]} integration.${upgradeHint(target)}`, target);
  }
  if (currentCount + 1 > definition.maxIntegrations) {
    const target = lowestPlanWhere((candidate) => candidate.maxIntegrations > currentCount);
    const limit = `${definition.maxIntegrations} integration${definition.maxIntegrations === 1 ? "" : "s"}`;
    throw new PlanLimitError(`${definition.name} includes ${limit}.${target ? ` Upgrade to ${PLANS[target].name} to connect GitHub, PagerDuty and Datadog together.` : ""}`, target);
  }
}

function describeInterval(minutes: number): string {
  if (minutes % (24 * 60) === 0) return minutes === 24 * 60 ? "once a day" : `every ${minutes / (24 * 60)} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "every hour" : `every ${minutes / 60} hours`;
  return `every ${minutes} minutes`;
}

/** Before saving a sync schedule of one run every `intervalMinutes`. */
export function assertScheduleAllowed(plan: PlanId, intervalMinutes: number): void {
  if (!Number.isFinite(intervalMinutes) || intervalMinutes <= 0) {
    throw new BillingError("BAD_REQUEST", "Choose how often to sync: a positive number of minutes", "intervalMinutes");
  }
  const definition = PLANS[plan];
  if (intervalMinutes >= definition.minSyncIntervalMinutes) return;
  const target = lowestPlanWhere((candidate) => candidate.minSyncIntervalMinutes <= intervalMinutes);
  if (!target) {
    const fastest = Math.min(...Object.values(PLANS).map((candidate) => candidate.minSyncIntervalMinutes));
    throw new BillingError("BAD_REQUEST", `Syncs run at most ${describeInterval(fastest)}`, "intervalMinutes");
  }
  throw new PlanLimitError(
    `${definition.name} syncs at most ${describeInterval(definition.minSyncIntervalMinutes)}. Upgrade to ${PLANS[target].name} to sync ${describeInterval(PLANS[target].minSyncIntervalMinutes)}.`,
    target,
    "intervalMinutes",
  );
}

export function assertFeatureAllowed(plan: PlanId, feature: PlanFeature): void {
  if (PLANS[plan].features.includes(feature)) return;
  const target = lowestPlanWhere((candidate) => candidate.features.includes(feature));
  throw new PlanLimitError(`${PLANS[plan].name} does not include ${FEATURE_NAMES[feature]}.${upgradeHint(target)}`, target);
}
