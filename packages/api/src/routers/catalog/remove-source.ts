import { recordAudit } from "@greenroom/accounts";
import { removeSource } from "@greenroom/catalog/engine";
import { z } from "zod";

import { adminProcedure } from "../../trpc";
import { notFound } from "./schemas";

export const ZRemoveSourceInput = z.object({
  sourceId: z.uuid("Choose a source"),
  /** true: its entities stay as orphans; false: they are deleted with it. */
  keepEntities: z.boolean(),
});

/** ADMIN: remove a source, keeping its entities as orphans or deleting them. */
export const removeSourceProcedure = adminProcedure.input(ZRemoveSourceInput).mutation(async ({ ctx, input }) => {
  const source = await ctx.db.catalogSources.findById(input.sourceId);
  if (!source) throw notFound("This source no longer exists");
  const result = await removeSource(ctx.db, source, { keepEntities: input.keepEntities });
  await recordAudit(ctx.db, ctx.actor, ctx.meta, "catalog.source_removed", { type: "catalog_source", id: source.id, label: source.name }, {
    keepEntities: input.keepEntities,
    deleted: result.deleted,
    orphaned: result.orphaned,
  });
  return result;
});
