import { searchCatalog } from "@greenroom/catalog/reads";
import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { readScope } from "./read-scope";
import { splitRef } from "./schemas";

export const ZCatalogSearchInput = z.object({
  q: z.string().trim().max(200),
  limit: z.number().int().min(1).max(20).default(10),
});

/** ⌘K and the catalog header: typo-tolerant, ranked, through the tenant-pinned search function. */
export const catalogSearchProcedure = orgProcedure.input(ZCatalogSearchInput).query(async ({ ctx, input }) => {
  if (!input.q) return { hits: [] };
  const rows = await searchCatalog(readScope(ctx), input.q, input.limit);
  return {
    hits: rows.map((row) => {
      const { namespace } = splitRef(row.ref);
      return { id: row.entityId, ref: row.ref, kind: row.kind, namespace, name: row.name, title: row.title, description: row.description, score: row.score };
    }),
  };
});
