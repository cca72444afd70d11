import { readCatalogFacets } from "@greenroom/catalog/reads";
import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { readScope } from "./read-scope";
import { toEntityFilters, ZEntityFilters } from "./schemas";

export const ZCatalogFacetsInput = z.object({ filters: ZEntityFilters.optional() });

const SIDEBAR_FACETS = ["kind", "type", "owner", "lifecycle", "tag", "system", "namespace"] as const;

/** Counts per value for the sidebar; each facet ignores its own filter so its other values stay pickable. */
export const catalogFacetsProcedure = orgProcedure.input(ZCatalogFacetsInput).query(async ({ ctx, input }) => {
  return readCatalogFacets(readScope(ctx), toEntityFilters(input.filters), SIDEBAR_FACETS, 100);
});
