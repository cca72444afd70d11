import { recordAudit } from "@greenroom/accounts";
import { confirmHeldMutation, HeldMutationGone } from "@greenroom/catalog/engine";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { notFound } from "./schemas";

export const ZHeldMutationInput = z.object({ heldId: z.uuid("Choose a held sync") });

/** ADMIN: apply a held sync as it was sent, deletions included. */
export const confirmHeldProcedure = adminProcedure.input(ZHeldMutationInput).mutation(async ({ ctx, input }) => {
  try {
    const held = await ctx.db.catalogWrites.findHeld(input.heldId);
    const result = await confirmHeldMutation(ctx.db, input.heldId);
    await recordAudit(ctx.db, ctx.actor, ctx.meta, "catalog.held_confirmed", { type: "catalog_source", id: held!.sourceId }, {
      heldId: input.heldId,
      deleted: result.deleted,
      created: result.created,
      updated: result.updated,
    });
    return { created: result.created, updated: result.updated, unchanged: result.unchanged, deleted: result.deleted };
  } catch (error) {
    if (error instanceof HeldMutationGone) throw notFound(error.message);
    throw error;
  }
});
