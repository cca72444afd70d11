import type { Prisma, SortField, TenantDb } from "@greenroom/db";

import { projectFields, wantsRelations } from "./query-params";

export type StoredEntity = { id: string; ref: string; contentHash: string; document?: Prisma.JsonValue };

/**
 * Entities as Backstage serves them: the stored document, plus `metadata.uid` (the row id),
 * `metadata.etag` (the content hash: it changes exactly when the document does) and `relations`
 * (both directions, read from catalog_relations), then cut down to `fields` if asked.
 */
export async function toApiEntities(db: TenantDb, rows: StoredEntity[], fields?: string[]): Promise<Record<string, unknown>[]> {
  const relationsByRef = new Map<string, { type: string; targetRef: string }[]>();
  if (rows.length && wantsRelations(fields)) {
    for (const relation of await db.catalogReads.relationsOfRefs(rows.map((row) => row.ref))) {
      let list = relationsByRef.get(relation.sourceRef);
      if (!list) relationsByRef.set(relation.sourceRef, (list = []));
      list.push({ type: relation.type, targetRef: relation.targetRef });
    }
  }
  return rows.map((row) => {
    const document = (row.document ?? {}) as Record<string, unknown> & { metadata?: Record<string, unknown> };
    const entity = {
      ...document,
      metadata: { ...document.metadata, uid: row.id, etag: row.contentHash },
      relations: relationsByRef.get(row.ref) ?? [],
    };
    return projectFields(entity, fields);
  });
}

type SortableRow = {
  id: string;
  ref: string;
  name: string;
  kind: string;
  namespace: string;
  title: string | null;
  specType: string | null;
  lifecycle: string | null;
  ownerRef: string | null;
  systemRef: string | null;
  updatedAt: Date;
};

/** The keyset value of `row` for `field`, as catalogReads.list compares it. */
export function sortValueOf(row: SortableRow, field: SortField): string | null {
  switch (field) {
    case "name":
      return row.name;
    case "kind":
      return row.kind;
    case "namespace":
      return row.namespace;
    case "title":
      return row.title;
    case "type":
      return row.specType;
    case "lifecycle":
      return row.lifecycle;
    case "owner":
      return row.ownerRef;
    case "system":
      return row.systemRef;
    case "ref":
      return row.ref;
    case "updatedAt":
      return row.updatedAt.toISOString();
  }
}
