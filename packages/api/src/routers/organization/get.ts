import { planUsage } from "@greenroom/billing";

import { orgProcedure } from "../../trpc";

export const getOrganizationProcedure = orgProcedure.query(async ({ ctx }) => {
  // The plan in force (trial, grace period and downgrades applied) and its seats, from Postgres:
  // every member sees the payment banner and the seat count; changing billing is owners' only.
  const usage = await planUsage(ctx.db);
  return {
    id: ctx.org.id,
    slug: ctx.org.slug,
    name: ctx.org.name,
    plan: usage.plan,
    trialEndsAt: usage.trialEndsAt,
    // null once the org is subscribed or the trial is over
    trialDaysLeft: usage.trialDaysLeft,
    memberCount: usage.seatsUsed,
    usage,
    myRole: ctx.actor.role,
  };
});
