import { recordAudit } from "@greenroom/accounts";
import { discardHeldMutation, HeldMutationGone } from "@greenroom/catalog/engine";

import { adminProcedure } from "../../trpc";
import { ZHeldMutationInput } from "./confirm-held";
import { notFound } from "./schemas";

/** ADMIN: drop a held sync; the catalog stays as it was. */
export const discardHeldProcedure = adminProcedure.input(ZHeldMutationInput).mutation(async ({ ctx, input }) => {
  const held = await ctx.db.catalogWrites.findHeld(input.heldId);
  try {
    await discardHeldMutation(ctx.db, input.heldId);
  } catch (error) {
    if (error instanceof HeldMutationGone) throw notFound(error.message);
    throw error;
  }
  await recordAudit(ctx.db, ctx.actor, ctx.meta, "catalog.held_discarded", { type: "catalog_source", id: held!.sourceId }, { heldId: input.heldId });
  return { discarded: input.heldId };
});
