"use client";

import "@xyflow/react/dist/style.css";

import { Alert, Card, EmptyState, Select, Skeleton } from "@greenroom/ui";
import { Background, Controls, MarkerType, MiniMap, ReactFlow, type Edge, type Node } from "@xyflow/react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";

import { entityHref, kindLabel } from "~/components/catalog/refs";
import { clusterLayout, type ArchEdge, type ArchNode } from "~/components/graph/cluster-layout";
import { EDGE_STYLES, EntityNode, type EntityFlowNode } from "~/components/graph/entity-node";
import { FloatingEdge } from "~/components/graph/floating-edge";
import { FrameNode, type FrameFlowNode } from "~/components/graph/frame-node";
import { replaceQuery } from "~/components/catalog/replace-query";
import { useTRPC } from "~/trpc/react";

const NODE_TYPES = { entity: EntityNode, frame: FrameNode };
const EDGE_TYPES = { floating: FloatingEdge };
const PART_KINDS = ["api", "component", "resource"] as const;

type Data = { nodes: (ArchNode & { type: string | null })[]; edges: ArchEdge[] };

/** Applies the domain / system / kind filters, keeping the frames the remaining parts need. */
function applyFilters(data: Data, filter: { domain: string; system: string; kinds: string[] }): Data {
  const partOf = new Map(data.edges.filter((edge) => edge.type === "partOf").map((edge) => [edge.source, edge.target]));
  const systemOf = (node: ArchNode) => node.systemRef ?? partOf.get(node.ref) ?? null;
  const keep = data.nodes.filter((node) => {
    if (node.kind === "domain") return !filter.system && (!filter.domain || node.ref === filter.domain);
    if (node.kind === "system") return (!filter.system || node.ref === filter.system) && (!filter.domain || partOf.get(node.ref) === filter.domain);
    if (filter.kinds.length && !filter.kinds.includes(node.kind)) return false;
    const system = systemOf(node);
    if (filter.system) return system === filter.system;
    if (filter.domain) return system !== null && partOf.get(system) === filter.domain;
    return true;
  });
  const refs = new Set(keep.map((node) => node.ref));
  return { nodes: keep, edges: data.edges.filter((edge) => refs.has(edge.source) && refs.has(edge.target)) };
}

export function SystemGraphView({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const graph = useQuery(trpc.catalog.systemGraph.queryOptions({ orgSlug }, { staleTime: 60_000 }));
  const filter = { domain: params.get("domain") ?? "", system: params.get("system") ?? "", kinds: params.getAll("kind") };
  const setParam = (key: string, values: string[]) => {
    const next = new URLSearchParams(params);
    next.delete(key);
    for (const value of values) next.append(key, value);
    if (key === "domain") next.delete("system");
    replaceQuery(pathname, next);
  };

  const filterKey = `${filter.domain}|${filter.system}|${filter.kinds.join(",")}`;
  // Layout once per data set and filter; never on pan or zoom.
  const flow = useMemo(() => {
    if (!graph.data) return null;
    const data = applyFilters(graph.data, filter);
    const { frames, placed } = clusterLayout(data.nodes, data.edges);
    const byRef = new Map(data.nodes.map((node) => [node.ref, node]));
    const counts = new Map<string, number>();
    for (const node of placed) counts.set(node.parentId, (counts.get(node.parentId) ?? 0) + 1);
    const frameNodes: FrameFlowNode[] = frames.map((frame) => ({
      id: frame.id,
      type: "frame",
      position: { x: frame.x, y: frame.y },
      parentId: frame.parentId,
      style: { width: frame.width, height: frame.height },
      width: frame.width,
      height: frame.height,
      draggable: false,
      selectable: false,
      zIndex: -1,
      data: { label: frame.label, kind: frame.kind, href: frame.ref ? entityHref(orgSlug, frame.ref) : null, count: counts.get(frame.id) ?? 0 },
    }));
    const entityNodes: EntityFlowNode[] = placed.map((node) => {
      const entity = byRef.get(node.ref)!;
      return {
        id: node.ref,
        type: "entity",
        parentId: node.parentId,
        extent: "parent",
        position: { x: node.x, y: node.y },
        draggable: false,
        data: { label: entity.title ?? entity.name, kind: entity.kind, sublabel: entity.type },
      };
    });
    const edges: Edge[] = data.edges
      .filter((edge) => edge.type !== "partOf") // drawn as containment instead
      .map((edge) => {
        const style = EDGE_STYLES[edge.type] ?? { label: edge.type, stroke: "#94a3b8" };
        return {
          id: `${edge.source}|${edge.type}|${edge.target}`,
          source: edge.source,
          target: edge.target,
          type: "floating",
          zIndex: 1,
          style: { stroke: style.stroke, strokeDasharray: style.dashed ? "4 3" : undefined, strokeWidth: 1.25 },
          markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke, width: 14, height: 14 },
        };
      });
    return { nodes: [...frameNodes, ...entityNodes] as Node[], edges, shown: data.nodes.length };
    // filterKey stands for the filter object, which is rebuilt on every render.
  }, [graph.data, filterKey, orgSlug]);

  if (graph.isPending) return <Skeleton className="h-[640px] w-full" />;
  if (graph.error) return <Alert title="The graph could not be loaded">{graph.error.message}</Alert>;
  const domains = graph.data.nodes.filter((node) => node.kind === "domain");
  const partOf = new Map(graph.data.edges.filter((edge) => edge.type === "partOf").map((edge) => [edge.source, edge.target]));
  const systems = graph.data.nodes.filter((node) => node.kind === "system" && (!filter.domain || partOf.get(node.ref) === filter.domain));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">Domain</span>
          <Select className="w-52" value={filter.domain} onChange={(event) => setParam("domain", event.target.value ? [event.target.value] : [])} aria-label="Domain">
            <option value="">All domains</option>
            {domains.map((domain) => (
              <option key={domain.ref} value={domain.ref}>
                {domain.title ?? domain.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium text-slate-800">System</span>
          <Select className="w-52" value={filter.system} onChange={(event) => setParam("system", event.target.value ? [event.target.value] : [])} aria-label="System">
            <option value="">All systems</option>
            {systems.map((system) => (
              <option key={system.ref} value={system.ref}>
                {system.title ?? system.name}
              </option>
            ))}
          </Select>
        </label>
        <fieldset className="flex items-center gap-3 pb-2 text-sm">
          <legend className="sr-only">Kinds</legend>
          {PART_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                className="accent-emerald-600"
                checked={!filter.kinds.length || filter.kinds.includes(kind)}
                onChange={(event) => {
                  const current = filter.kinds.length ? filter.kinds : [...PART_KINDS];
                  const next = event.target.checked ? [...current, kind] : current.filter((value) => value !== kind);
                  setParam("kind", next.length === PART_KINDS.length ? [] : next);
                }}
              />
              {kindLabel(kind)}s
            </label>
          ))}
        </fieldset>
        <p className="ml-auto pb-2 text-sm text-slate-500" data-testid="graph-count">
          {flow?.shown.toLocaleString()} of {graph.data.nodes.length.toLocaleString()} entities
        </p>
      </div>
      {graph.data.truncated ? (
        <Alert tone="amber" title="Showing the first 1,000 entities">
          Pick a domain or system to focus; the full list is in the <Link className="underline" href={`/${orgSlug}/catalog`}>catalog</Link>.
        </Alert>
      ) : null}
      <Card className="overflow-hidden">
        {graph.data.nodes.length === 0 ? (
          <EmptyState title="Nothing to draw yet" description="Import systems, components and APIs to see how they fit together." action={<Link href={`/${orgSlug}/catalog/import`} className="text-sm font-medium text-emerald-700 hover:underline">Import catalog-info.yaml</Link>} />
        ) : (
          <div className="h-[calc(100vh-260px)] min-h-[520px]" data-testid="system-graph">
            <ReactFlow
              key={filterKey}
              nodes={flow?.nodes ?? []}
              edges={flow?.edges ?? []}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              fitView
              fitViewOptions={{ maxZoom: 1 }}
              minZoom={0.02}
              maxZoom={2}
              onlyRenderVisibleElements
              nodesConnectable={false}
              elementsSelectable
              onNodeClick={(_, node) => {
                if (node.type === "entity") router.push(entityHref(orgSlug, node.id));
              }}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={24} color="#e2e8f0" />
              <Controls showInteractive={false} />
              <MiniMap pannable zoomable className="!bg-white" />
            </ReactFlow>
          </div>
        )}
      </Card>
    </div>
  );
}
