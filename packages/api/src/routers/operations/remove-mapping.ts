import { recordAudit } from "@greenroom/accounts";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { notFound } from "../catalog/schemas";
import { findIntegration, ZIntegrationId } from "../integrations/shared";

/** Unlinks a confirmed mapping (the service shows as unlinked again). */
export const removeMappingProcedure = adminProcedure
  .input(z.object({ integrationId: ZIntegrationId, linkKey: z.string().trim().min(1).max(300) }))
  .mutation(async ({ ctx, input }) => {
    const integration = await findIntegration(ctx.db, input.integrationId);
    if (!(await ctx.db.opsMappings.remove(integration.id, input.linkKey))) throw notFound("No such mapping");
    await recordAudit(ctx.db, ctx.actor, ctx.meta, "integration.mapping_removed", { type: "integration", id: integration.id, label: integration.name }, { linkKey: input.linkKey });
    return { removed: true };
  });
