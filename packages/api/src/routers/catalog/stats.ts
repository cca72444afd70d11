import { orgProcedure } from "../../trpc";
import { inOrder } from "./schemas";

/** Counts for the org overview: entities by kind, and how many sources feed the catalog. */
export const catalogStatsProcedure = orgProcedure.query(async ({ ctx }) => {
  const [facets, total, sources] = await inOrder(() => ctx.db.catalogReads.facets({}, ["kind"], 20), () => ctx.db.catalogReads.count({}), () => ctx.db.catalogSources.list());
  return { total, byKind: facets.kind, sourceCount: sources.length };
});
