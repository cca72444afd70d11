import { listMyOrganizations } from "@greenroom/accounts";

import { authedProcedure } from "../../trpc";

export const meProcedure = authedProcedure.query(async ({ ctx }) => ({
  user: { id: ctx.session.userId, email: ctx.session.email, name: ctx.session.name },
  organizations: await listMyOrganizations(ctx.session.userId),
}));
