import { requestSync } from "@greenroom/connectors";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { findIntegration, ZIntegrationId } from "./shared";

/** Starts a sync now; deduplicated against one already running (at most one more waits). */
export const syncNowProcedure = adminProcedure.input(z.object({ integrationId: ZIntegrationId })).mutation(async ({ ctx, input }) => {
  const integration = await findIntegration(ctx.db, input.integrationId);
  const tenantId = ctx.db.tenantId;
  ctx.db.afterCommit(() => requestSync(tenantId, integration.id, "manual"));
  return { requested: true };
});
