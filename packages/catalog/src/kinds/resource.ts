import type { Entity } from "../entity";
import { CORE_API_VERSIONS, HINTS, SPEC, type KindDefinition } from "./kind-definition";

export type ResourceSpec = {
  type: string;
  owner: string;
  system?: string;
  dependsOn?: string[];
  dependencyOf?: string[];
  [key: string]: unknown;
};

export interface ResourceEntity extends Entity {
  kind: "Resource";
  spec: ResourceSpec;
}

export function isResourceEntity(entity: Entity): entity is ResourceEntity {
  return entity.kind === "Resource";
}

export const resourceKind: KindDefinition = {
  kind: "Resource",
  apiVersions: CORE_API_VERSIONS,
  validateSpec(spec, check) {
    check.string(spec, SPEC, "type", { required: true, hint: 'Use e.g. "database", "s3-bucket" or "cluster".' });
    check.string(spec, SPEC, "owner", { required: true, hint: HINTS.owner });
    check.string(spec, SPEC, "system", { hint: HINTS.system });
    check.stringArray(spec, SPEC, "dependsOn", { hint: HINTS.dependsOn });
    check.stringArray(spec, SPEC, "dependencyOf", { hint: HINTS.dependsOn });
  },
};
