import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { canonicalEdges } from "./graph-edges";
import { ownedRow } from "./people";
import { GRAPH_RELATIONS, qualifyRef } from "./schemas";

export const SYSTEM_GRAPH_MAX_NODES = 1_000;

export const ZSystemGraphInput = z.object({
  /** Narrow a large catalog to some systems (refs or names); their domains come along. */
  systems: z.array(z.string().trim().min(1).max(300)).max(50).optional(),
});

/**
 * The org's architecture in one request: domains and systems first (they frame the picture),
 * then APIs, components and resources, at most 1,000 nodes, with every relation among them.
 */
export const systemGraphProcedure = orgProcedure.input(ZSystemGraphInput).query(async ({ ctx, input }) => {
  const systems = input.systems?.map((value) => qualifyRef(value, "system"));
  const frame = await ctx.db.catalogReads.list({
    filters: { kind: ["domain", "system"] },
    sort: { field: "kind", order: "asc" },
    limit: SYSTEM_GRAPH_MAX_NODES,
  });
  const framed = systems ? frame.filter((row) => row.kind === "domain" || systems.includes(row.ref)) : frame;
  const room = SYSTEM_GRAPH_MAX_NODES - framed.length;
  const parts =
    room > 0
      ? await ctx.db.catalogReads.list({
          filters: { kind: ["api", "component", "resource"], ...(systems ? { system: systems } : {}) },
          sort: { field: "system", order: "asc" },
          limit: room + 1,
        })
      : [];
  const rows = [...framed, ...parts.slice(0, Math.max(room, 0))];
  const refs = rows.map((row) => row.ref);
  // depth 0: no walk, only the relations among the nodes already chosen.
  const graph = refs.length ? await ctx.db.catalogReads.graph({ rootRefs: refs, types: [...GRAPH_RELATIONS], depth: 0, maxNodes: SYSTEM_GRAPH_MAX_NODES }) : { edges: [] };
  return {
    nodes: rows.map(ownedRow),
    edges: canonicalEdges(graph.edges),
    truncated: parts.length > room || framed.length >= SYSTEM_GRAPH_MAX_NODES,
  };
});
