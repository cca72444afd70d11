import type { Entity } from "../entity";
import { CORE_API_VERSIONS, HINTS, SPEC, type KindDefinition } from "./kind-definition";

export type ApiSpec = {
  type: string;
  lifecycle: string;
  owner: string;
  /** The definition text, or a `$text` substitution the engine resolves. */
  definition: string;
  system?: string;
  [key: string]: unknown;
};

export interface ApiEntity extends Entity {
  kind: "API";
  spec: ApiSpec;
}

export function isApiEntity(entity: Entity): entity is ApiEntity {
  return entity.kind === "API";
}

export const apiKind: KindDefinition = {
  kind: "API",
  apiVersions: CORE_API_VERSIONS,
  validateSpec(spec, check) {
    check.string(spec, SPEC, "type", { required: true, hint: 'Use e.g. "openapi", "asyncapi", "graphql" or "grpc".' });
    check.string(spec, SPEC, "lifecycle", { required: true, hint: HINTS.lifecycle });
    check.string(spec, SPEC, "owner", { required: true, hint: HINTS.owner });
    check.string(spec, SPEC, "definition", {
      required: true,
      hint: 'Inline the definition with "definition: |" or load it with "definition: { $text: ./openapi.yaml }".',
    });
    check.string(spec, SPEC, "system", { hint: HINTS.system });
  },
};
