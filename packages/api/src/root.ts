import { accountRouter } from "./routers/account/router";
import { auditRouter } from "./routers/audit/router";
import { invitationsRouter } from "./routers/invitations/router";
import { membersRouter } from "./routers/members/router";
import { organizationRouter } from "./routers/organization/router";
import { router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  organization: organizationRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
