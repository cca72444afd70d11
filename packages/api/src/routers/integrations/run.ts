import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { findIntegration, publicRun, ZIntegrationId } from "./shared";

/** One run's live progress. */
export const getRunProcedure = adminProcedure
  .input(z.object({ integrationId: ZIntegrationId, runId: z.uuid("Choose a run") }))
  .query(async ({ ctx, input }) => {
    await findIntegration(ctx.db, input.integrationId);
    const run = await ctx.db.integrationSyncRuns.findById(input.runId);
    if (!run || run.integrationId !== input.integrationId) throw new TRPCError({ code: "NOT_FOUND", message: "Sync run not found" });
    return publicRun(run);
  });
