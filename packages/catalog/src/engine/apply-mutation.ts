import type { CatalogSourceRecord, ExistingEntity, TenantDb } from "@greenroom/db";

import type { ParsedEntity } from "../entity";
import { derivedRows, prepare, toEntityRow, type PreparedEntity } from "./entity-row";
import { facetDeltas } from "./facet-counts";

/**
 * A source's write (Backstage's provider mutations): `full` is everything the source has now;
 * `delta` upserts some entities and removes others by ref.
 */
export type Mutation =
  | { type: "full"; entities: ParsedEntity[] }
  | { type: "delta"; upserts: ParsedEntity[]; removals?: string[] };

export type MutationResult = {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Refs this source tried to write but another source owns: recorded, not applied. */
  conflicts: { ref: string; ownerSourceId: string }[];
  /** Set when the mass-deletion guard held the mutation: nothing was written. */
  held: { id: string; wouldDelete: number; existingCount: number } | null;
};

export type MutationOptions = {
  /** An admin confirmed a held mutation: apply it whatever it deletes. */
  confirmDeletions?: boolean;
};

function classify(
  incoming: PreparedEntity[],
  owners: Map<string, ExistingEntity>,
  sourceId: string,
) {
  const creates: PreparedEntity[] = [];
  const updates: { prepared: PreparedEntity; id: string }[] = [];
  const conflicts: { prepared: PreparedEntity; ownerSourceId: string }[] = [];
  let unchanged = 0;
  for (const prepared of incoming) {
    const existing = owners.get(prepared.parsed.ref);
    if (!existing) creates.push(prepared);
    else if (existing.sourceId && existing.sourceId !== sourceId) conflicts.push({ prepared, ownerSourceId: existing.sourceId });
    // An orphan (no source) is adopted by whichever source writes it next.
    else if (existing.contentHash !== prepared.hash || existing.sourceId === null) updates.push({ prepared, id: existing.id });
    else unchanged += 1;
  }
  return { creates, updates, conflicts, unchanged };
}

/**
 * Applies one mutation inside the caller's tenant transaction. Content hashes decide what
 * changed, so an unchanged write touches no rows; derived rows (relations, tags, search) are
 * replaced only for entities that were written.
 */
export async function applyMutation(
  db: TenantDb,
  source: CatalogSourceRecord,
  mutation: Mutation,
  options: MutationOptions = {},
): Promise<MutationResult> {
  const incoming = (mutation.type === "full" ? mutation.entities : mutation.upserts).map(prepare);
  const incomingRefs = new Set(incoming.map((prepared) => prepared.parsed.ref));

  const owned = await db.catalogWrites.entitiesOfSource(source.id);
  const ownedByRef = new Map(owned.map((entity) => [entity.ref, entity]));
  const unknownRefs = [...incomingRefs].filter((ref) => !ownedByRef.has(ref));
  const owners = new Map(ownedByRef);
  for (const entity of await db.catalogWrites.entitiesByRefs(unknownRefs)) owners.set(entity.ref, entity);

  const removals =
    mutation.type === "full"
      ? owned.filter((entity) => !incomingRefs.has(entity.ref))
      : (mutation.removals ?? []).map((ref) => ownedByRef.get(ref.toLowerCase())).filter((entity): entity is ExistingEntity => Boolean(entity));

  // The guard: an upstream outage that returns empty lists must not empty the catalog.
  if (
    mutation.type === "full" &&
    !options.confirmDeletions &&
    owned.length > 0 &&
    removals.length / owned.length > source.deletionGuardRatio
  ) {
    await db.catalogWrites.supersedeHeld(source.id);
    const held = await db.catalogWrites.holdMutation(
      source.id,
      incoming.map((prepared) => prepared.parsed.entity) as unknown as Parameters<TenantDb["catalogWrites"]["holdMutation"]>[1],
      removals.length,
      owned.length,
    );
    return { created: 0, updated: 0, unchanged: 0, deleted: 0, conflicts: [], held: { id: held.id, wouldDelete: removals.length, existingCount: owned.length } };
  }

  const { creates, updates, conflicts, unchanged } = classify(incoming, owners, source.id);

  const createRows = creates.map((prepared) => ({ row: toEntityRow(prepared), prepared }));
  const updateRows = updates.map(({ prepared, id }) => ({ row: toEntityRow(prepared, id), prepared }));
  // Facet counts move with the rows: read what updated and removed rows counted before.
  const replaced = [...updateRows.map(({ row }) => row.id), ...removals.map((entity) => entity.id)];
  const previousFacets = replaced.length ? await db.catalogWrites.facetValuesOf(replaced) : [];
  if (createRows.length) await db.catalogWrites.insertEntities(createRows.map(({ row }) => row), source.id);
  if (updateRows.length) await db.catalogWrites.updateEntities(updateRows.map(({ row }) => row), source.id);
  if (removals.length) await db.catalogWrites.deleteEntities(removals.map((entity) => entity.id));

  const written = [...createRows, ...updateRows];
  const deltas = facetDeltas(previousFacets, written.map(({ row }) => row));
  if (deltas.length) await db.catalogWrites.applyFacetDeltas(deltas);
  if (written.length) {
    const derived = derivedRows(written);
    await db.catalogWrites.replaceDerived(written.map(({ row }) => row.id), derived.relations, derived.tags, derived.search);
  }

  for (const conflict of conflicts) {
    await db.catalogWrites.recordConflict(
      conflict.prepared.parsed.ref,
      conflict.ownerSourceId,
      source.id,
      conflict.prepared.parsed.entity as unknown as Parameters<TenantDb["catalogWrites"]["recordConflict"]>[3],
    );
  }
  if (mutation.type === "full") await db.catalogWrites.clearConflicts(source.id, conflicts.map((conflict) => conflict.prepared.parsed.ref));

  return {
    created: createRows.length,
    updated: updateRows.length,
    unchanged,
    deleted: removals.length,
    conflicts: conflicts.map((conflict) => ({ ref: conflict.prepared.parsed.ref, ownerSourceId: conflict.ownerSourceId })),
    held: null,
  };
}
