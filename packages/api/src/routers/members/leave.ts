import { leaveOrganization } from "@greenroom/accounts";

import { orgProcedure } from "../../trpc";

export const leaveOrganizationProcedure = orgProcedure.mutation(async ({ ctx }) => {
  await leaveOrganization(ctx.db, ctx.actor, ctx.meta);
  return { left: ctx.org.slug };
});
