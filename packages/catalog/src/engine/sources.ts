import type { CatalogSourceKind, CatalogSourceRecord, TenantDb } from "@greenroom/db";

import { parseCatalogEntities } from "../parse-json";
import { applyMutation, type MutationResult } from "./apply-mutation";
import { deleteEntitiesCounted } from "./facet-counts";

/** Source names say where entities come from: `push:<name>`, `upload:<name>`, `url:<target>`, `integration:<id>`. */
export function sourceName(kind: CatalogSourceKind, key: string): string {
  const prefix = { PUSH: "push", UPLOAD: "upload", LOCATION: "url", INTEGRATION: "integration" }[kind];
  return `${prefix}:${key}`;
}

export function ensureSource(db: TenantDb, input: { kind: CatalogSourceKind; key: string; target?: string | null; createdById?: string | null }): Promise<CatalogSourceRecord> {
  return db.catalogSources.ensure({ kind: input.kind, name: sourceName(input.kind, input.key), target: input.target ?? null, createdById: input.createdById ?? null });
}

/**
 * Removes a source. Its entities go with it, unless `keepEntities`: then they stay as orphans,
 * marked and listed until someone removes them or another source adopts them.
 */
export async function removeSource(db: TenantDb, source: CatalogSourceRecord, options: { keepEntities: boolean }): Promise<{ deleted: number; orphaned: number }> {
  let deleted = 0;
  let orphaned = 0;
  if (options.keepEntities) {
    orphaned = await db.catalogWrites.orphanEntitiesOfSource(source.id);
  } else {
    const owned = await db.catalogWrites.entitiesOfSource(source.id);
    await deleteEntitiesCounted(db, owned.map((entity) => entity.id));
    deleted = owned.length;
  }
  await db.catalogWrites.supersedeHeld(source.id);
  await db.catalogSources.remove(source.id);
  return { deleted, orphaned };
}

export class HeldMutationGone extends Error {}

/** An admin confirmed what the guard held: apply it as it was sent. */
export async function confirmHeldMutation(db: TenantDb, heldId: string): Promise<MutationResult> {
  const held = await db.catalogWrites.findHeld(heldId);
  if (!held || held.resolvedAt) throw new HeldMutationGone("This held sync was already confirmed, discarded or replaced by a newer one");
  const source = await db.catalogSources.findById(held.sourceId);
  if (!source) throw new HeldMutationGone("The source of this held sync no longer exists");
  const { entities } = parseCatalogEntities(held.documents as unknown[], { sourceName: source.name });
  const result = await applyMutation(db, source, { type: "full", entities }, { confirmDeletions: true });
  await db.catalogWrites.resolveHeld(heldId, "confirmed");
  return result;
}

export async function discardHeldMutation(db: TenantDb, heldId: string): Promise<void> {
  if (!(await db.catalogWrites.resolveHeld(heldId, "discarded"))) {
    throw new HeldMutationGone("This held sync was already confirmed, discarded or replaced by a newer one");
  }
}

/** Deletes orphans (all of them, or the given ids among them). */
export async function removeOrphans(db: TenantDb, ids?: string[]): Promise<number> {
  const orphans = await db.catalogWrites.orphanIds();
  const targets = ids ? orphans.filter((id) => ids.includes(id)) : orphans;
  await deleteEntitiesCounted(db, targets);
  return targets.length;
}
