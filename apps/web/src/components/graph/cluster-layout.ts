import { NODE_HEIGHT, NODE_WIDTH } from "./layout";

// The architecture view's layout: every system is a frame holding its APIs, components and
// resources in a small grid; systems sit inside their domain's frame; frames are shelf-packed.
// It is linear in the number of nodes (a general graph layout took seconds at 1,000 nodes), and
// it reads the way people think about an estate: domain → system → parts.

export type ArchNode = { ref: string; kind: string; name: string; title: string | null; systemRef: string | null };
export type ArchEdge = { source: string; target: string; type: string };

export type Frame = { id: string; kind: "domain" | "system" | "loose"; label: string; ref: string | null; parentId?: string; x: number; y: number; width: number; height: number };
export type Placed = { ref: string; parentId: string; x: number; y: number };

const GAP = 24;
/** Room between parts in a frame, so the edges between neighbours stay visible. */
const NODE_GAP = 36;
const PAD = 14;
const HEADER = 34;
const ROW_LIMIT = 2_600;

type Box = { width: number; height: number; place: (x: number, y: number, parentId?: string) => void };

/** Shelf packing: boxes left to right, wrapping at `limit`; returns the area used. */
function pack(boxes: Box[], limit: number, origin: { x: number; y: number }, parentId?: string): { width: number; height: number } {
  let x = 0;
  let y = 0;
  let shelf = 0;
  let width = 0;
  for (const box of [...boxes].sort((a, b) => b.height - a.height)) {
    if (x > 0 && x + box.width > limit) {
      x = 0;
      y += shelf + GAP;
      shelf = 0;
    }
    box.place(origin.x + x, origin.y + y, parentId);
    x += box.width + GAP;
    shelf = Math.max(shelf, box.height);
    width = Math.max(width, x - GAP);
  }
  return { width, height: y + shelf };
}

export function clusterLayout(nodes: ArchNode[], edges: ArchEdge[]): { frames: Frame[]; placed: Placed[] } {
  const byRef = new Map(nodes.map((node) => [node.ref, node]));
  const parentOf = new Map<string, string>();
  for (const edge of edges) if (edge.type === "partOf" && byRef.has(edge.target)) parentOf.set(edge.source, edge.target);

  const systems = nodes.filter((node) => node.kind === "system");
  const domains = nodes.filter((node) => node.kind === "domain");
  const members = new Map<string, ArchNode[]>();
  const loose: ArchNode[] = [];
  for (const node of nodes) {
    if (node.kind === "system" || node.kind === "domain") continue;
    const system = node.systemRef && byRef.get(node.systemRef)?.kind === "system" ? node.systemRef : parentOf.get(node.ref);
    if (system && byRef.get(system)?.kind === "system") (members.get(system) ?? members.set(system, []).get(system)!).push(node);
    else loose.push(node);
  }

  const frames: Frame[] = [];
  const placed: Placed[] = [];
  const kindOrder = (kind: string) => ["api", "component", "resource"].indexOf(kind);

  function entityGrid(id: string, kind: Frame["kind"], label: string, ref: string | null, parts: ArchNode[]): Box {
    const sorted = [...parts].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name));
    const columns = Math.max(1, Math.min(6, Math.ceil(Math.sqrt(sorted.length / 1.5))));
    const rows = Math.ceil(sorted.length / columns);
    const width = Math.max(NODE_WIDTH + PAD * 2, columns * (NODE_WIDTH + NODE_GAP) - NODE_GAP + PAD * 2);
    const height = HEADER + Math.max(rows, 1) * (NODE_HEIGHT + NODE_GAP) - NODE_GAP + PAD;
    return {
      width,
      height,
      place: (x, y, parentId) => {
        frames.push({ id, kind, label, ref, parentId, x, y, width, height });
        sorted.forEach((node, index) => {
          placed.push({ ref: node.ref, parentId: id, x: PAD + (index % columns) * (NODE_WIDTH + NODE_GAP), y: HEADER + Math.floor(index / columns) * (NODE_HEIGHT + NODE_GAP) });
        });
      },
    };
  }

  const systemBox = (system: ArchNode) => entityGrid(`frame:${system.ref}`, "system", system.title ?? system.name, system.ref, members.get(system.ref) ?? []);

  const topLevel: Box[] = [];
  for (const domain of domains) {
    const own = systems.filter((system) => parentOf.get(system.ref) === domain.ref);
    const boxes = own.map(systemBox);
    const area = boxes.reduce((sum, box) => sum + box.width * box.height, 0);
    const limit = Math.min(ROW_LIMIT, Math.max(600, Math.sqrt(area) * 1.6));
    // Measure first (placing into a throwaway list), then place for real inside the frame.
    const measured = pack(boxes.map((box) => ({ ...box, place: () => undefined })), limit, { x: 0, y: 0 });
    const width = Math.max(measured.width + PAD * 2, 260);
    const height = HEADER + measured.height + PAD;
    const id = `frame:${domain.ref}`;
    topLevel.push({
      width,
      height,
      place: (x, y) => {
        frames.push({ id, kind: "domain", label: domain.title ?? domain.name, ref: domain.ref, x, y, width, height });
        pack(boxes, limit, { x: PAD, y: HEADER }, id);
      },
    });
  }
  for (const system of systems) if (!domains.some((domain) => parentOf.get(system.ref) === domain.ref)) topLevel.push(systemBox(system));
  if (loose.length) topLevel.push(entityGrid("frame:loose", "loose", "Not in a system", null, loose));

  const area = topLevel.reduce((sum, box) => sum + box.width * box.height, 0);
  pack(topLevel, Math.max(1_400, Math.sqrt(area) * 1.5), { x: 0, y: 0 });
  // xyflow needs parents before their children.
  frames.sort((a, b) => (a.parentId ? 1 : 0) - (b.parentId ? 1 : 0));
  return { frames, placed };
}
