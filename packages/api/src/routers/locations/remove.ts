import { z } from "zod";

import { removeLocation } from "../../locations/location-service";
import { adminProcedure } from "../../trpc";

export const ZRemoveLocationInput = z.object({ locationId: z.uuid("Choose a location") });

/** Unregisters a location and deletes the entities it produced (admins only: it can delete a lot). */
export const removeLocationProcedure = adminProcedure
  .input(ZRemoveLocationInput)
  .mutation(async ({ ctx, input }) => ({ removed: input.locationId, ...(await removeLocation(ctx.db, input.locationId)) }));
