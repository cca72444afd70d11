import type { Entity } from "./entity";
import { getCompoundEntityRef, stringifyEntityRef, tryParseEntityRef } from "./entity-ref";
import { specRefFields } from "./ref-fields";
import { inverseRelation, type RelationType } from "./relation-types";

/** One directed edge, refs in canonical lowercase `kind:namespace/name` form. */
export interface EntityRelation {
  source: string;
  type: RelationType;
  target: string;
}

/**
 * The relations an entity's own spec produces, each with its inverse as a separate row, with
 * duplicates removed (e.g. `dependsOn` and the target's `dependencyOf` written twice).
 *
 * Storing both directions, keyed by the entity that produced them, is what Backstage does: when
 * the entity changes or goes away the engine replaces exactly its rows, and a page can read
 * "owned by" and "owner of" with the same indexed lookup. Refs without a kind are resolved with
 * the field's default kind and the entity's own namespace; refs that do not parse are skipped
 * here because validation already reported them.
 */
export function relationsOf(entity: Entity): EntityRelation[] {
  const spec = entity.spec;
  if (!spec) return [];
  const self = getCompoundEntityRef(entity);
  const selfRef = stringifyEntityRef(self);

  const relations: EntityRelation[] = [];
  const seen = new Set<string>();
  const push = (source: string, type: RelationType, target: string): void => {
    const key = `${source} ${type} ${target}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push({ source, type, target });
  };

  for (const field of specRefFields(entity.kind)) {
    const raw = spec[field.field];
    const values: unknown[] = field.many ? (Array.isArray(raw) ? raw : []) : [raw];
    const inverse = inverseRelation(field.relation);
    for (const value of values) {
      if (typeof value !== "string") continue;
      const parsed = tryParseEntityRef(value, { defaultKind: field.defaultKind, defaultNamespace: self.namespace });
      if (!parsed.ok) continue;
      const targetRef = stringifyEntityRef(parsed.ref);
      push(selfRef, field.relation, targetRef);
      if (inverse) push(targetRef, inverse, selfRef);
    }
  }
  return relations;
}
