import { Graph, layout } from "@dagrejs/dagre";

// Automatic layout, computed once per data set (the caller memoises it): dagre ranks the
// connected part left to right; entities with no edge at all are packed in a grid below it, so
// a catalog with many loose components does not become one endless row.

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 54;

export type LayoutInput = { nodes: { id: string }[]; edges: { source: string; target: string }[] };
export type Positions = Map<string, { x: number; y: number }>;

export function layoutGraph({ nodes, edges }: LayoutInput, options: { direction?: "LR" | "TB"; fast?: boolean } = {}): Positions {
  const ids = new Set(nodes.map((node) => node.id));
  const usable = edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target);
  const connected = new Set(usable.flatMap((edge) => [edge.source, edge.target]));
  const positions: Positions = new Map();

  let bottom = 0;
  let right = 0;
  if (connected.size) {
    const graph = new Graph();
    // longest-path ranks in linear time; network-simplex is prettier but slow at 1,000 nodes.
    graph.setGraph({ rankdir: options.direction ?? "LR", nodesep: 18, ranksep: 70, marginx: 0, marginy: 0, ranker: options.fast ? "longest-path" : "network-simplex" });
    graph.setDefaultEdgeLabel(() => ({}));
    for (const id of connected) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    for (const edge of usable) graph.setEdge(edge.source, edge.target);
    layout(graph);
    for (const id of connected) {
      const node = graph.node(id);
      const x = node.x - NODE_WIDTH / 2;
      const y = node.y - NODE_HEIGHT / 2;
      positions.set(id, { x, y });
      bottom = Math.max(bottom, y + NODE_HEIGHT);
      right = Math.max(right, x + NODE_WIDTH);
    }
    bottom += 80;
  }

  const loose = nodes.filter((node) => !connected.has(node.id));
  const columns = Math.max(4, Math.floor(Math.max(right, 1_200) / (NODE_WIDTH + 20)));
  loose.forEach((node, index) => {
    positions.set(node.id, { x: (index % columns) * (NODE_WIDTH + 20), y: bottom + Math.floor(index / columns) * (NODE_HEIGHT + 20) });
  });
  return positions;
}
