import { accountRouter } from "./routers/account/router";
import { apiTokensRouter } from "./routers/api-tokens/router";
import { auditRouter } from "./routers/audit/router";
import { billingRouter } from "./routers/billing/router";
import { catalogRouter } from "./routers/catalog/router";
import { integrationsRouter } from "./routers/integrations/router";
import { invitationsRouter } from "./routers/invitations/router";
import { locationsRouter } from "./routers/locations/router";
import { membersRouter } from "./routers/members/router";
import { operationsRouter } from "./routers/operations/router";
import { organizationRouter } from "./routers/organization/router";
import { router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  organization: organizationRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
  billing: billingRouter,
  catalog: catalogRouter,
  apiTokens: apiTokensRouter,
  locations: locationsRouter,
  integrations: integrationsRouter,
  operations: operationsRouter,
});

export type AppRouter = typeof appRouter;
