"use client";

import type { Node, NodeProps } from "@xyflow/react";
import { memo } from "react";

export type FrameNodeData = { label: string; kind: "domain" | "system" | "loose"; href: string | null; count: number };
export type FrameFlowNode = Node<FrameNodeData, "frame">;

const STYLES = {
  domain: "border-rose-300 bg-rose-50/40",
  system: "border-amber-300 bg-amber-50/60",
  loose: "border-slate-300 border-dashed bg-white/60",
};

/** A domain or system drawn as the frame around its parts; its title opens its page. */
export const FrameNode = memo(function FrameNode({ data }: NodeProps<FrameFlowNode>) {
  return (
    <div className={`h-full w-full rounded-lg border-2 ${STYLES[data.kind]}`}>
      <div className="flex items-center gap-2 px-3 py-1.5 text-xs">
        <span className="font-semibold uppercase tracking-wide text-slate-500">{data.kind === "loose" ? "" : data.kind}</span>
        {data.href ? (
          <a href={data.href} className="nodrag truncate text-sm font-semibold text-slate-900 hover:text-emerald-700 hover:underline">
            {data.label}
          </a>
        ) : (
          <span className="truncate text-sm font-semibold text-slate-700">{data.label}</span>
        )}
        <span className="text-slate-400">{data.count ? `${data.count}` : ""}</span>
      </div>
    </div>
  );
});
