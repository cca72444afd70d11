import type { Entity } from "../entity";
import { CORE_API_VERSIONS, HINTS, SPEC, type KindDefinition } from "./kind-definition";

export type DomainSpec = {
  owner: string;
  subdomainOf?: string;
  type?: string;
  [key: string]: unknown;
};

export interface DomainEntity extends Entity {
  kind: "Domain";
  spec: DomainSpec;
}

export function isDomainEntity(entity: Entity): entity is DomainEntity {
  return entity.kind === "Domain";
}

export const domainKind: KindDefinition = {
  kind: "Domain",
  apiVersions: CORE_API_VERSIONS,
  validateSpec(spec, check) {
    check.string(spec, SPEC, "owner", { required: true, hint: HINTS.owner });
    // Newer Backstage: domains nest (`subdomainOf`) and may carry a `type`.
    check.string(spec, SPEC, "subdomainOf", { hint: 'Set it to the parent domain, e.g. "commerce".' });
    check.string(spec, SPEC, "type");
  },
};
