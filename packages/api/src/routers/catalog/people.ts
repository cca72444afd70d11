import type { EntitySummary, TenantDb } from "@greenroom/db";

import { inOrder } from "./schemas";

// Shared by the team and user pages: owned entities and people's profiles.

export const OWNED_PAGE = 100;

export type Profile = { displayName: string | null; email: string | null; picture: string | null };

export function profileOf(document: unknown): Profile {
  const spec = (document as { spec?: { profile?: Record<string, unknown> } } | null)?.spec;
  const profile = spec?.profile ?? {};
  const text = (value: unknown) => (typeof value === "string" && value ? value : null);
  return { displayName: text(profile.displayName), email: text(profile.email), picture: text(profile.picture) };
}

export function ownedRow(row: EntitySummary) {
  return {
    ref: row.ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: row.title,
    type: row.specType,
    lifecycle: row.lifecycle,
    ownerRef: row.ownerRef,
    systemRef: row.systemRef,
  };
}

/** What these owners own (directly), first page by kind and name, plus the total. */
export async function ownedBy(db: TenantDb, ownerRefs: string[]) {
  if (ownerRefs.length === 0) return { items: [], total: 0 };
  const filters = { owner: ownerRefs };
  const [rows, total] = await inOrder(() => db.catalogReads.list({ filters, sort: { field: "kind", order: "asc" }, limit: OWNED_PAGE }), () => db.catalogReads.count(filters));
  return { items: rows.map(ownedRow), total };
}

/** Name, title and profile of the refs that exist; the rest are listed as not in the catalog yet. */
export async function describeRefs(db: TenantDb, refs: string[]) {
  if (refs.length === 0) return [];
  const rows = await db.catalogReads.list({ filters: { refs }, limit: refs.length, withDocument: true });
  const byRef = new Map(rows.map((row) => [row.ref, row]));
  return refs.map((ref) => {
    const row = byRef.get(ref);
    const slash = ref.indexOf("/");
    return {
      ref,
      kind: ref.slice(0, ref.indexOf(":")),
      namespace: ref.slice(ref.indexOf(":") + 1, slash),
      name: row?.name ?? ref.slice(slash + 1),
      title: row?.title ?? null,
      description: row?.description ?? null,
      exists: Boolean(row),
      profile: profileOf(row?.document ?? null),
      type: row?.specType ?? null,
    };
  });
}
