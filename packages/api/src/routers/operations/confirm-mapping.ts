import { recordAudit } from "@greenroom/accounts";
import { confirmMapping } from "@greenroom/operations";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { findIntegration, ZIntegrationId } from "../integrations/shared";
import { operationsProblem, ZEntityRef, ZMappableType } from "./shared";

/** An admin confirms that an upstream service is a catalog entity (a suggestion or a pick). */
export const confirmMappingProcedure = adminProcedure
  .input(z.object({ integrationId: ZIntegrationId, type: ZMappableType.default("pagerduty.service"), externalId: z.string().trim().min(1).max(200), entityRef: ZEntityRef }))
  .mutation(async ({ ctx, input }) => {
    const integration = await findIntegration(ctx.db, input.integrationId);
    try {
      const mapping = await confirmMapping(ctx.db, { ...input, integrationId: integration.id, confirmedById: ctx.actor.userId });
      await recordAudit(ctx.db, ctx.actor, ctx.meta, "integration.mapping_confirmed", { type: "integration", id: integration.id, label: integration.name }, { service: input.externalId, entity: mapping.entityRef });
      return mapping;
    } catch (error) {
      operationsProblem(error);
    }
  });
