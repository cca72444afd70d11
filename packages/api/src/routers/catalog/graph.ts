import { readEntityGraph } from "@greenroom/catalog/reads";
import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { canonicalEdges } from "./graph-edges";
import { readScope } from "./read-scope";
import { GRAPH_RELATIONS, notFound, refOf, ZEntityName } from "./schemas";

export const ZEntityGraphInput = ZEntityName.extend({
  depth: z.number().int().min(1).max(3).default(2),
  // dagre lays the neighbourhood out in the browser: ~0.6 s at 200 nodes, so keep it small.
  maxNodes: z.number().int().min(10).max(300).default(150),
});

/** The dependency neighbourhood of one entity, in one recursive query. */
export const entityGraphProcedure = orgProcedure.input(ZEntityGraphInput).query(async ({ ctx, input }) => {
  const ref = refOf(input);
  const graph = await readEntityGraph(readScope(ctx), { rootRefs: [ref], types: [...GRAPH_RELATIONS], depth: input.depth, maxNodes: input.maxNodes });
  if (!graph) throw notFound();
  return {
    root: ref,
    nodes: graph.nodes.map((node) => ({
      ref: node.ref,
      depth: node.depth,
      exists: node.entity !== null,
      kind: node.entity?.kind ?? node.ref.slice(0, node.ref.indexOf(":")),
      name: node.entity?.name ?? node.ref.slice(node.ref.indexOf("/") + 1),
      title: node.entity?.title ?? null,
      type: node.entity?.specType ?? null,
      ownerRef: node.entity?.ownerRef ?? null,
    })),
    edges: canonicalEdges(graph.edges),
    truncated: graph.truncated,
  };
});
