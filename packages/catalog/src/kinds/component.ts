import type { Entity } from "../entity";
import { CORE_API_VERSIONS, HINTS, SPEC, type KindDefinition } from "./kind-definition";

export type ComponentSpec = {
  type: string;
  lifecycle: string;
  owner: string;
  system?: string;
  subcomponentOf?: string;
  providesApis?: string[];
  consumesApis?: string[];
  dependsOn?: string[];
  dependencyOf?: string[];
  [key: string]: unknown;
};

export interface ComponentEntity extends Entity {
  kind: "Component";
  spec: ComponentSpec;
}

export function isComponentEntity(entity: Entity): entity is ComponentEntity {
  return entity.kind === "Component";
}

export const componentKind: KindDefinition = {
  kind: "Component",
  apiVersions: CORE_API_VERSIONS,
  validateSpec(spec, check) {
    check.string(spec, SPEC, "type", { required: true, hint: 'Use e.g. "service", "website" or "library".' });
    check.string(spec, SPEC, "lifecycle", { required: true, hint: HINTS.lifecycle });
    check.string(spec, SPEC, "owner", { required: true, hint: HINTS.owner });
    check.string(spec, SPEC, "system", { hint: HINTS.system });
    check.string(spec, SPEC, "subcomponentOf", { hint: 'Set it to the parent component, e.g. "payments".' });
    check.stringArray(spec, SPEC, "providesApis", { hint: 'List API references, e.g. ["payments-api"].' });
    check.stringArray(spec, SPEC, "consumesApis", { hint: 'List API references, e.g. ["ledger-api"].' });
    check.stringArray(spec, SPEC, "dependsOn", { hint: HINTS.dependsOn });
    check.stringArray(spec, SPEC, "dependencyOf", { hint: HINTS.dependsOn });
  },
};
