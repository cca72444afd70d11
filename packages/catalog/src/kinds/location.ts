import type { Entity } from "../entity";
import { CORE_API_VERSIONS, SPEC, type KindDefinition } from "./kind-definition";

export type LocationSpec = {
  type?: string;
  target?: string;
  targets?: string[];
  presence?: "required" | "optional";
  [key: string]: unknown;
};

export interface LocationEntity extends Entity {
  kind: "Location";
  spec: LocationSpec;
}

export function isLocationEntity(entity: Entity): entity is LocationEntity {
  return entity.kind === "Location";
}

export const locationKind: KindDefinition = {
  kind: "Location",
  apiVersions: CORE_API_VERSIONS,
  validateSpec(spec, check) {
    // Every field is optional: `type` is inherited from the location that read the file.
    check.string(spec, SPEC, "type", { hint: 'Use e.g. "url" or "file".' });
    check.string(spec, SPEC, "target", { hint: 'Use a URL or a relative path, e.g. "./team-a/catalog-info.yaml".' });
    check.stringArray(spec, SPEC, "targets", { hint: 'List URLs or relative paths, e.g. ["./a.yaml", "./b.yaml"].' });
    check.oneOf(spec, SPEC, "presence", ["required", "optional"]);
  },
};
