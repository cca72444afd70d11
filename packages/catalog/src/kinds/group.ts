import type { Entity } from "../entity";
import type { FieldChecker } from "../field-checker";
import { SPEC, CORE_API_VERSIONS, type KindDefinition } from "./kind-definition";

export type Profile = {
  displayName?: string;
  email?: string;
  picture?: string;
  [key: string]: unknown;
};

export type GroupSpec = {
  type: string;
  /** Required by Backstage, may be empty. */
  children: string[];
  parent?: string;
  members?: string[];
  profile?: Profile;
  [key: string]: unknown;
};

export interface GroupEntity extends Entity {
  kind: "Group";
  spec: GroupSpec;
}

export function isGroupEntity(entity: Entity): entity is GroupEntity {
  return entity.kind === "Group";
}

/** Group and User share the optional display profile. */
export function checkProfile(spec: Record<string, unknown>, check: FieldChecker): void {
  const profile = check.object(spec, SPEC, "profile");
  if (!profile) return;
  for (const field of ["displayName", "email", "picture"]) {
    check.string(profile, [...SPEC, "profile"], field);
  }
}

export const groupKind: KindDefinition = {
  kind: "Group",
  apiVersions: CORE_API_VERSIONS,
  validateSpec(spec, check) {
    check.string(spec, SPEC, "type", { required: true, hint: 'Use e.g. "team", "business-unit" or "product-area".' });
    check.stringArray(spec, SPEC, "children", {
      required: true,
      hint: 'List the child groups; write "children: []" when there are none.',
    });
    check.string(spec, SPEC, "parent", { hint: 'Set it to the parent group, e.g. "engineering".' });
    check.stringArray(spec, SPEC, "members", { hint: 'List user references, e.g. ["jdoe", "user:asmith"].' });
    checkProfile(spec, check);
  },
};
