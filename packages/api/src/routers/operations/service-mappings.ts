import { serviceMappings } from "@greenroom/operations";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { findIntegration, ZIntegrationId } from "../integrations/shared";
import { ZMappableType } from "./shared";

/** The setup UI's mapping table: each service linked by annotation, by mapping, or unlinked with suggestions. */
export const serviceMappingsProcedure = adminProcedure
  .input(z.object({ integrationId: ZIntegrationId, type: ZMappableType.default("pagerduty.service") }))
  .query(async ({ ctx, input }) => {
    const integration = await findIntegration(ctx.db, input.integrationId);
    return serviceMappings(ctx.db, integration.id, input.type);
  });
