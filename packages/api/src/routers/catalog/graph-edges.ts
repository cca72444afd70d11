// Both directions of every relation are stored; a drawing wants each edge once. Inverse types are
// turned around onto their forward type (B dependencyOf A is A dependsOn B) and deduplicated.

const FORWARD: Record<string, { type: string; reverse: boolean }> = {
  dependsOn: { type: "dependsOn", reverse: false },
  dependencyOf: { type: "dependsOn", reverse: true },
  providesApi: { type: "providesApi", reverse: false },
  apiProvidedBy: { type: "providesApi", reverse: true },
  consumesApi: { type: "consumesApi", reverse: false },
  apiConsumedBy: { type: "consumesApi", reverse: true },
  partOf: { type: "partOf", reverse: false },
  hasPart: { type: "partOf", reverse: true },
};

export type GraphEdge = { source: string; target: string; type: string };

export function canonicalEdges(edges: { sourceRef: string; type: string; targetRef: string }[]): GraphEdge[] {
  const seen = new Map<string, GraphEdge>();
  for (const edge of edges) {
    const forward = FORWARD[edge.type];
    if (!forward) continue;
    const [source, target] = forward.reverse ? [edge.targetRef, edge.sourceRef] : [edge.sourceRef, edge.targetRef];
    const key = `${source}|${forward.type}|${target}`;
    if (!seen.has(key)) seen.set(key, { source, target, type: forward.type });
  }
  return [...seen.values()];
}
