import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { decodeCursor, encodeCursor, inOrder } from "./schemas";

export const ZListOrphansInput = z.object({ cursor: z.string().max(3_000).optional(), limit: z.number().int().min(1).max(100).default(50) });

/** Entities whose source went away while they were kept: owned by nobody until adopted or removed. */
export const listOrphansProcedure = orgProcedure.input(ZListOrphansInput).query(async ({ ctx, input }) => {
  const sort = { field: "name" as const, order: "asc" as const };
  const after = input.cursor ? decodeCursor(input.cursor, sort) : undefined;
  const [rows, total] = await inOrder(() => ctx.db.catalogReads.list({ filters: { orphaned: true }, sort, after, limit: input.limit + 1 }), () => ctx.db.catalogReads.count({ orphaned: true }));
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({ id: row.id, ref: row.ref, kind: row.kind, namespace: row.namespace, name: row.name, title: row.title, orphanedAt: row.orphanedAt })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ ...sort, value: last.name, id: last.id }) : null,
    total,
  };
});
