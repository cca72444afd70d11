import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { findIntegration, publicIntegration, publicRun, ZIntegrationId } from "./shared";

/** One integration with its recent runs (the setup page polls this while a sync runs). */
export const getIntegrationProcedure = adminProcedure
  .input(z.object({ integrationId: ZIntegrationId, runs: z.number().int().min(1).max(100).default(20) }))
  .query(async ({ ctx, input }) => {
    // Runs first: each read sees the latest commit, so the integration's last-sync status read
    // after them is never older than the runs shown beside it (a run finishing in between).
    const runs = await ctx.db.integrationSyncRuns.listForIntegration(input.integrationId, input.runs);
    const integration = await findIntegration(ctx.db, input.integrationId);
    // Where GitHub should deliver this integration's webhooks (the admin pastes it into GitHub).
    const webhookPath = `/api/webhooks/github?tenant=${ctx.db.tenantId}&integration=${integration.id}`;
    return { integration: publicIntegration(integration), runs: runs.map(publicRun), webhookPath };
  });
