import { readCatalogPage } from "@greenroom/catalog/reads";
import { COUNT_CAP, type EntitySummary } from "@greenroom/db";
import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { readScope } from "./read-scope";
import { decodeCursor, encodeCursor, toEntityFilters, ZEntityFilters, ZSort } from "./schemas";

export const ZListEntitiesInput = z.object({
  filters: ZEntityFilters.optional(),
  sort: ZSort.optional(),
  cursor: z.string().max(3_000).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

/** The last row's value in the sort column, as the keyset comparison sees it (nulls as ""). */
function sortValue(row: EntitySummary, field: z.infer<typeof ZSort>["field"]): string {
  if (field === "updatedAt") return row.updatedAt.toISOString();
  const values: Record<Exclude<typeof field, "updatedAt">, string | null> = {
    name: row.name,
    kind: row.kind,
    owner: row.ownerRef,
    lifecycle: row.lifecycle,
    type: row.specType,
    system: row.systemRef,
    ref: row.ref,
    title: row.title,
    namespace: row.namespace,
  };
  return values[field] ?? "";
}

/** One page of the catalog table: keyset-paginated, never more than 100 rows, plus the total. */
export const listEntitiesProcedure = orgProcedure.input(ZListEntitiesInput).query(async ({ ctx, input }) => {
  const sort = input.sort ?? { field: "name" as const, order: "asc" as const };
  const filters = toEntityFilters(input.filters);
  const after = input.cursor ? decodeCursor(input.cursor, sort) : undefined;
  // One row more than asked tells whether there is a next page without a second count.
  const { rows, total } = await readCatalogPage(readScope(ctx), { filters, sort, after, limit: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      id: row.id,
      ref: row.ref,
      kind: row.kind,
      namespace: row.namespace,
      name: row.name,
      title: row.title,
      description: row.description,
      type: row.specType,
      lifecycle: row.lifecycle,
      ownerRef: row.ownerRef,
      systemRef: row.systemRef,
      tags: row.tags,
      orphan: row.orphanedAt !== null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ ...sort, value: sortValue(last, sort.field), id: last.id }) : null,
    total: Math.min(total, COUNT_CAP),
    /** Counting stops at COUNT_CAP (a broad filter over 100k entities must stay cheap): show "10,000+". */
    totalIsLowerBound: total > COUNT_CAP,
  };
});
