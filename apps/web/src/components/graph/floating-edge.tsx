"use client";

import { BaseEdge, getStraightPath, useInternalNode, type EdgeProps, type InternalNode } from "@xyflow/react";

// In the architecture view parts sit in grids, so an edge may leave in any direction: draw it
// straight between the two boxes' borders instead of from fixed left/right handles.

function center(node: InternalNode) {
  const { x, y } = node.internals.positionAbsolute;
  const width = node.measured.width ?? 0;
  const height = node.measured.height ?? 0;
  return { x: x + width / 2, y: y + height / 2, halfWidth: width / 2, halfHeight: height / 2 };
}

/** Where the line from `from`'s centre towards `to` leaves `from`'s rectangle. */
function border(from: ReturnType<typeof center>, to: { x: number; y: number }) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  if (dx === 0 && dy === 0) return { x: from.x, y: from.y };
  const scale = 1 / Math.max(Math.abs(dx) / (from.halfWidth || 1), Math.abs(dy) / (from.halfHeight || 1));
  return { x: from.x + dx * scale, y: from.y + dy * scale };
}

export function FloatingEdge({ id, source, target, markerEnd, style }: EdgeProps) {
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode) return null;
  const from = center(sourceNode);
  const to = center(targetNode);
  const start = border(from, to);
  const end = border(to, from);
  const [path] = getStraightPath({ sourceX: start.x, sourceY: start.y, targetX: end.x, targetY: end.y });
  return <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />;
}
