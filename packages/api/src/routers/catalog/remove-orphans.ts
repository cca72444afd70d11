import { recordAudit } from "@greenroom/accounts";
import { removeOrphans } from "@greenroom/catalog/engine";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { notFound } from "./schemas";

export const ZRemoveOrphansInput = z.object({
  /** Some orphans by id; left out, every orphan. */
  entityIds: z.array(z.uuid()).min(1).max(500).optional(),
});

/** ADMIN: delete orphans for good. */
export const removeOrphansProcedure = adminProcedure.input(ZRemoveOrphansInput).mutation(async ({ ctx, input }) => {
  const removed = await removeOrphans(ctx.db, input.entityIds);
  // Ids that name no orphan here (someone else's, or already gone) are a NOT_FOUND, not a silent 0.
  if (input.entityIds && removed === 0) throw notFound("These orphans are no longer in the catalog");
  await recordAudit(ctx.db, ctx.actor, ctx.meta, "catalog.orphans_removed", { type: "organization", id: ctx.org.id }, { removed });
  return { removed };
});
