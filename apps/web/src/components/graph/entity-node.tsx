"use client";

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";

import { kindLabel } from "~/components/catalog/refs";

export type EntityNodeData = { label: string; kind: string; sublabel?: string | null; root?: boolean; dangling?: boolean; dimmed?: boolean };
export type EntityFlowNode = Node<EntityNodeData, "entity">;

const KIND_COLORS: Record<string, string> = {
  component: "border-emerald-400 bg-emerald-50",
  api: "border-sky-400 bg-sky-50",
  system: "border-amber-400 bg-amber-50",
  domain: "border-rose-400 bg-rose-50",
  resource: "border-slate-400 bg-slate-50",
};

/** One entity in a graph: kind, name, and a dashed border when it is not in the catalog yet. */
export const EntityNode = memo(function EntityNode({ data }: NodeProps<EntityFlowNode>) {
  return (
    <div
      className={`h-[54px] w-[190px] rounded-md border-2 px-2.5 py-1.5 text-left shadow-sm ${KIND_COLORS[data.kind] ?? "border-slate-300 bg-white"} ${data.root ? "ring-2 ring-emerald-600 ring-offset-2" : ""} ${data.dangling ? "border-dashed opacity-70" : ""} ${data.dimmed ? "opacity-30" : ""}`}
      title={data.dangling ? `${data.label} (not in the catalog yet)` : data.label}
    >
      <Handle type="target" position={Position.Left} className="!h-1 !w-1 !min-h-0 !min-w-0 !border-0 !bg-transparent" />
      <p className="text-[10px] font-semibold uppercase tracking-wide text-slate-500">
        {kindLabel(data.kind)}
        {data.sublabel ? <span className="ml-1 font-normal normal-case text-slate-400">· {data.sublabel}</span> : null}
      </p>
      <p className="truncate text-sm font-medium text-slate-900">{data.label}</p>
      <Handle type="source" position={Position.Right} className="!h-1 !w-1 !min-h-0 !min-w-0 !border-0 !bg-transparent" />
    </div>
  );
});

export const EDGE_STYLES: Record<string, { label: string; stroke: string; dashed?: boolean }> = {
  dependsOn: { label: "depends on", stroke: "#64748b" },
  providesApi: { label: "provides", stroke: "#0284c7" },
  consumesApi: { label: "consumes", stroke: "#0284c7", dashed: true },
  partOf: { label: "part of", stroke: "#d97706", dashed: true },
};
