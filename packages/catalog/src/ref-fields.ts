import {
  RELATION_CHILD_OF,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  type RelationType,
} from "./relation-types";

/**
 * Which spec fields hold entity references, what kind a bare name defaults to, and which relation
 * each produces. One table drives both validation (every ref must parse) and `relationsOf`, so
 * the two cannot disagree. It follows Backstage's BuiltinKindsEntityProcessor, plus the scaffolder
 * processor's Template owner.
 */
export interface SpecRefField {
  /** Key under `spec`. */
  field: string;
  /**
   * Kind assumed when the ref has no `kind:` prefix. Absent for `dependsOn`/`dependencyOf`:
   * they can point at Components or Resources, so Backstage makes the author write the kind.
   */
  defaultKind?: string;
  /** Relation from this entity to the target; the inverse runs from the target back. */
  relation: RelationType;
  /** A list of refs rather than one. */
  many: boolean;
}

const owner: SpecRefField = { field: "owner", defaultKind: "Group", relation: RELATION_OWNED_BY, many: false };
const system: SpecRefField = { field: "system", defaultKind: "System", relation: RELATION_PART_OF, many: false };
const dependsOn: SpecRefField = { field: "dependsOn", relation: RELATION_DEPENDS_ON, many: true };
const dependencyOf: SpecRefField = { field: "dependencyOf", relation: RELATION_DEPENDENCY_OF, many: true };

export const SPEC_REF_FIELDS: Readonly<Record<string, readonly SpecRefField[]>> = {
  Component: [
    owner,
    { field: "subcomponentOf", defaultKind: "Component", relation: RELATION_PART_OF, many: false },
    { field: "providesApis", defaultKind: "API", relation: RELATION_PROVIDES_API, many: true },
    { field: "consumesApis", defaultKind: "API", relation: RELATION_CONSUMES_API, many: true },
    dependsOn,
    dependencyOf,
    system,
  ],
  API: [owner, system],
  Resource: [owner, dependsOn, dependencyOf, system],
  System: [owner, { field: "domain", defaultKind: "Domain", relation: RELATION_PART_OF, many: false }],
  Domain: [owner, { field: "subdomainOf", defaultKind: "Domain", relation: RELATION_PART_OF, many: false }],
  Group: [
    // A group's parent makes the group its child; its children make it their parent.
    { field: "parent", defaultKind: "Group", relation: RELATION_CHILD_OF, many: false },
    { field: "children", defaultKind: "Group", relation: RELATION_PARENT_OF, many: true },
    { field: "members", defaultKind: "User", relation: RELATION_HAS_MEMBER, many: true },
  ],
  User: [{ field: "memberOf", defaultKind: "Group", relation: RELATION_MEMBER_OF, many: true }],
  Template: [owner],
  Location: [],
};

/** The ref fields of a known kind; none for unknown kinds (their spec means nothing to us). */
export function specRefFields(kind: string): readonly SpecRefField[] {
  return Object.hasOwn(SPEC_REF_FIELDS, kind) ? (SPEC_REF_FIELDS[kind] ?? []) : [];
}

/** Default kind for a bare name in `spec.<field>` of an entity of `kind`, if Backstage has one. */
export function defaultKindForField(kind: string, field: string): string | undefined {
  return specRefFields(kind).find((f) => f.field === field)?.defaultKind;
}
