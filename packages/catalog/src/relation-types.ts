/**
 * Backstage's well-known relation types. Every relation comes in a pair; the catalog stores both
 * directions so that "what does team-a own" and "who owns payments" are both single lookups.
 */

export const RELATION_OWNED_BY = "ownedBy";
export const RELATION_OWNER_OF = "ownerOf";
export const RELATION_PART_OF = "partOf";
export const RELATION_HAS_PART = "hasPart";
export const RELATION_DEPENDS_ON = "dependsOn";
export const RELATION_DEPENDENCY_OF = "dependencyOf";
export const RELATION_PROVIDES_API = "providesApi";
export const RELATION_API_PROVIDED_BY = "apiProvidedBy";
export const RELATION_CONSUMES_API = "consumesApi";
export const RELATION_API_CONSUMED_BY = "apiConsumedBy";
export const RELATION_MEMBER_OF = "memberOf";
export const RELATION_HAS_MEMBER = "hasMember";
export const RELATION_PARENT_OF = "parentOf";
export const RELATION_CHILD_OF = "childOf";

/** Each pair once, as [relation, inverse]. */
export const RELATION_PAIRS = [
  [RELATION_OWNED_BY, RELATION_OWNER_OF],
  [RELATION_PART_OF, RELATION_HAS_PART],
  [RELATION_DEPENDS_ON, RELATION_DEPENDENCY_OF],
  [RELATION_PROVIDES_API, RELATION_API_PROVIDED_BY],
  [RELATION_CONSUMES_API, RELATION_API_CONSUMED_BY],
  [RELATION_MEMBER_OF, RELATION_HAS_MEMBER],
  [RELATION_PARENT_OF, RELATION_CHILD_OF],
] as const;

export type RelationType = (typeof RELATION_PAIRS)[number][number];

const INVERSES: ReadonlyMap<string, RelationType> = new Map(
  RELATION_PAIRS.flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]),
);

/** The other direction of a well-known relation, or undefined for a type we do not know. */
export function inverseRelation(type: string): RelationType | undefined {
  return INVERSES.get(type);
}

export function isRelationType(type: string): type is RelationType {
  return INVERSES.has(type);
}
