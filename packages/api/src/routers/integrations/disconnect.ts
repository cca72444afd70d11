import { deleteIntegration, unscheduleIntegration } from "@greenroom/connectors";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { ZIntegrationId } from "./shared";

/** Disconnects: the schedule stops, the sealed credentials are deleted, entities kept or removed. */
export const disconnectIntegrationProcedure = adminProcedure
  .input(z.object({ integrationId: ZIntegrationId, keepEntities: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const outcome = await deleteIntegration(ctx.db, input.integrationId, { keepEntities: input.keepEntities });
    if (!outcome) throw new TRPCError({ code: "NOT_FOUND", message: "Integration not found" });
    const tenantId = ctx.db.tenantId;
    ctx.db.afterCommit(() => unscheduleIntegration(tenantId, input.integrationId));
    return outcome;
  });
