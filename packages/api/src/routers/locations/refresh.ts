import { z } from "zod";

import { findLocationSource, refreshLocation } from "../../locations/location-service";
import { memberProcedure } from "../../trpc";

export const ZRefreshLocationInput = z.object({ locationId: z.uuid("Choose a location") });

/** Reads the location's URL again now instead of waiting for the next scheduled refresh. */
export const refreshLocationProcedure = memberProcedure
  .input(ZRefreshLocationInput)
  .mutation(async ({ ctx, input }) => {
    await findLocationSource(ctx.db, input.locationId); // NOT_FOUND for another org's id, before any fetch
    const applied = await refreshLocation(ctx.org.id, input.locationId);
    return {
      location: applied.location,
      refreshed: applied.refreshed,
      counts: applied.result
        ? { created: applied.result.created, updated: applied.result.updated, unchanged: applied.result.unchanged, deleted: applied.result.deleted }
        : null,
      held: applied.result?.held ?? null,
      errors: applied.errors.slice(0, 100),
    };
  });
