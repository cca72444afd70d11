import { orgProcedure } from "../../trpc";

export const getOrganizationProcedure = orgProcedure.query(async ({ ctx }) => {
  const members = await ctx.db.memberships.count();
  const trialDaysLeft = ctx.org.trialEndsAt
    ? Math.max(0, Math.ceil((ctx.org.trialEndsAt.getTime() - Date.now()) / (24 * 3600 * 1000)))
    : null;
  return {
    id: ctx.org.id,
    slug: ctx.org.slug,
    name: ctx.org.name,
    plan: ctx.org.plan,
    trialEndsAt: ctx.org.trialEndsAt,
    trialDaysLeft,
    memberCount: members,
    myRole: ctx.actor.role,
  };
});
