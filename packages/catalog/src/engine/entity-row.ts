import { randomUUID } from "node:crypto";

import type { EntityRow, RelationRow, SearchRow } from "@greenroom/db";

import { entityContentHash } from "../content-hash";
import type { ParsedEntity } from "../entity";
import { relationsOf, type EntityRelation } from "../relations-of";

const lower = (value: unknown): string | null => (typeof value === "string" && value ? value.toLowerCase() : null);

export type PreparedEntity = {
  parsed: ParsedEntity;
  hash: string;
  relations: EntityRelation[];
};

export function prepare(parsed: ParsedEntity): PreparedEntity {
  return { parsed, hash: entityContentHash(parsed.entity), relations: relationsOf(parsed.entity) };
}

/** The indexed columns of an entity, derived once at write time so that reads never parse documents. */
export function toEntityRow(prepared: PreparedEntity, id: string = randomUUID()): EntityRow {
  const { entity, ref } = prepared.parsed;
  const spec = entity.spec ?? {};
  const owner = prepared.relations.find((relation) => relation.source === ref && relation.type === "ownedBy");
  const system = prepared.relations.find(
    (relation) => relation.source === ref && relation.type === "partOf" && relation.target.startsWith("system:"),
  );
  return {
    id,
    ref,
    kind: entity.kind.toLowerCase(),
    namespace: (entity.metadata.namespace ?? "default").toLowerCase(),
    name: entity.metadata.name,
    title: typeof entity.metadata.title === "string" ? entity.metadata.title : null,
    description: typeof entity.metadata.description === "string" ? entity.metadata.description : null,
    specType: lower(spec.type),
    lifecycle: lower(spec.lifecycle),
    ownerRef: owner?.target ?? null,
    systemRef: system?.target ?? null,
    tags: Array.isArray(entity.metadata.tags) ? entity.metadata.tags.filter((tag): tag is string => typeof tag === "string") : [],
    contentHash: prepared.hash,
    document: entity as unknown as EntityRow["document"],
  };
}

export function derivedRows(rows: { row: EntityRow; prepared: PreparedEntity }[]) {
  const relations: RelationRow[] = [];
  const tags: { entityId: string; tag: string }[] = [];
  const search: SearchRow[] = [];
  for (const { row, prepared } of rows) {
    for (const relation of prepared.relations) {
      relations.push({ originId: row.id, sourceRef: relation.source, type: relation.type, targetRef: relation.target });
    }
    for (const tag of new Set(row.tags)) tags.push({ entityId: row.id, tag });
    search.push({ entityId: row.id, ref: row.ref, kind: row.kind, name: row.name, title: row.title, description: row.description, tags: row.tags, ownerRef: row.ownerRef });
  }
  return { relations, tags, search };
}
