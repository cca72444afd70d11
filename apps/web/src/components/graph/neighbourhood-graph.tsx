"use client";

import "@xyflow/react/dist/style.css";

import { Background, Controls, MarkerType, ReactFlow, type Edge } from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useMemo } from "react";

import { entityHref } from "~/components/catalog/refs";

import { EDGE_STYLES, EntityNode, type EntityFlowNode } from "./entity-node";
import { layoutGraph } from "./layout";

const NODE_TYPES = { entity: EntityNode };

export type GraphData = {
  root: string;
  nodes: { ref: string; kind: string; name: string; title: string | null; type: string | null; exists: boolean }[];
  edges: { source: string; target: string; type: string }[];
};

/** An entity's dependency neighbourhood, laid out left to right; click a node to open it. */
export function NeighbourhoodGraph({ orgSlug, data }: { orgSlug: string; data: GraphData }) {
  const router = useRouter();
  const { nodes, edges } = useMemo(() => {
    const positions = layoutGraph({ nodes: data.nodes.map((node) => ({ id: node.ref })), edges: data.edges });
    const nodes: EntityFlowNode[] = data.nodes.map((node) => ({
      id: node.ref,
      type: "entity",
      position: positions.get(node.ref) ?? { x: 0, y: 0 },
      data: { label: node.title ?? node.name, kind: node.kind, sublabel: node.type, root: node.ref === data.root, dangling: !node.exists },
      connectable: false,
    }));
    const edges: Edge[] = data.edges.map((edge) => {
      const style = EDGE_STYLES[edge.type] ?? { label: edge.type, stroke: "#94a3b8" };
      return {
        id: `${edge.source}|${edge.type}|${edge.target}`,
        source: edge.source,
        target: edge.target,
        label: style.label,
        labelStyle: { fontSize: 10, fill: "#64748b" },
        style: { stroke: style.stroke, strokeDasharray: style.dashed ? "4 3" : undefined },
        markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke },
      };
    });
    return { nodes, edges };
  }, [data]);

  return (
    <div className="h-[560px] rounded-md ring-1 ring-slate-200" data-testid="dependency-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        fitView
        fitViewOptions={{ maxZoom: 1.1 }}
        minZoom={0.1}
        nodesConnectable={false}
        nodesDraggable
        onNodeClick={(_, node) => {
          if (node.id !== data.root && !node.data.dangling) router.push(entityHref(orgSlug, node.id));
        }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} color="#e2e8f0" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
