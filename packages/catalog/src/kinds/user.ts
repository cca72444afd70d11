import type { Entity } from "../entity";
import { CORE_API_VERSIONS, SPEC, type KindDefinition } from "./kind-definition";
import { checkProfile, type Profile } from "./group";

export type UserSpec = {
  /** Required by Backstage's schema (it may be empty). */
  memberOf: string[];
  profile?: Profile;
  [key: string]: unknown;
};

export interface UserEntity extends Entity {
  kind: "User";
  spec: UserSpec;
}

export function isUserEntity(entity: Entity): entity is UserEntity {
  return entity.kind === "User";
}

export const userKind: KindDefinition = {
  kind: "User",
  apiVersions: CORE_API_VERSIONS,
  validateSpec(spec, check) {
    // Backstage's User schema lists memberOf as required ("must be present, but may be empty");
    // a User without it is rejected there, so it is rejected here too.
    check.stringArray(spec, SPEC, "memberOf", {
      required: true,
      hint: 'List the groups the user belongs to; write "memberOf: []" when there are none.',
    });
    checkProfile(spec, check);
  },
};
