import type { Entity } from "../entity";
import { CORE_API_VERSIONS, HINTS, SPEC, type KindDefinition } from "./kind-definition";

export type SystemSpec = {
  owner: string;
  domain?: string;
  type?: string;
  [key: string]: unknown;
};

export interface SystemEntity extends Entity {
  kind: "System";
  spec: SystemSpec;
}

export function isSystemEntity(entity: Entity): entity is SystemEntity {
  return entity.kind === "System";
}

export const systemKind: KindDefinition = {
  kind: "System",
  apiVersions: CORE_API_VERSIONS,
  validateSpec(spec, check) {
    check.string(spec, SPEC, "owner", { required: true, hint: HINTS.owner });
    check.string(spec, SPEC, "domain", { hint: 'Set it to the domain this system belongs to, e.g. "commerce".' });
    // Newer Backstage documents an optional `type` on System.
    check.string(spec, SPEC, "type");
  },
};
