import { orgProcedure } from "../../trpc";
import { inOrder } from "./schemas";

const PREVIEW = 200;

type HeldDocument = { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };

function refOfDocument(document: HeldDocument): string | null {
  const name = document.metadata?.name;
  if (typeof document.kind !== "string" || typeof name !== "string") return null;
  const namespace = typeof document.metadata?.namespace === "string" ? document.metadata.namespace : "default";
  return `${document.kind}:${namespace}/${name}`.toLowerCase();
}

/**
 * Syncs the deletion guard stopped, each with the entities it would delete if confirmed, so the
 * admin decides on names rather than on a number.
 */
export const listHeldMutationsProcedure = orgProcedure.query(async ({ ctx }) => {
  const held = await ctx.db.catalogWrites.listHeld();
  const out = [];
  for (const mutation of held) {
    const [full, source, owned] = await inOrder(() => ctx.db.catalogWrites.findHeld(mutation.id), () => ctx.db.catalogSources.findById(mutation.sourceId), () => ctx.db.catalogWrites.entitiesOfSource(mutation.sourceId));
    const documents = (Array.isArray(full?.documents) ? full.documents : []) as HeldDocument[];
    const kept = new Set(documents.map(refOfDocument).filter((ref): ref is string => ref !== null));
    const deletions = owned.filter((entity) => !kept.has(entity.ref)).map((entity) => entity.ref).sort();
    out.push({
      id: mutation.id,
      source: { id: mutation.sourceId, name: source?.name ?? "a removed source" },
      createdAt: mutation.createdAt,
      wouldDelete: mutation.wouldDelete,
      existingCount: mutation.existingCount,
      incomingCount: documents.length,
      wouldDeleteRefs: deletions.slice(0, PREVIEW),
    });
  }
  return out;
});
