import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import { DEFAULT_NAMESPACE, type Entity } from "./entity";

/** Fields the catalog writes itself; they change without the source changing. */
const SERVER_MANAGED_METADATA = ["uid", "etag", "generation"] as const;

/**
 * sha256 (hex) of the entity as its source wrote it: canonical JSON without server-managed fields
 * (metadata.uid/etag/generation, relations, status) and with the namespace defaulted, so
 * `namespace: default` and no namespace hash alike. The engine compares this with the stored hash
 * to skip unchanged entities, which is what makes an unchanged sync write nothing.
 */
export function entityContentHash(entity: Entity): string {
  const metadata: Record<string, unknown> = { ...entity.metadata };
  for (const field of SERVER_MANAGED_METADATA) delete metadata[field];
  metadata.namespace = entity.metadata.namespace || DEFAULT_NAMESPACE;
  const body: Record<string, unknown> = { ...entity, metadata };
  delete body.relations;
  delete body.status;
  return createHash("sha256").update(canonicalJson(body)).digest("hex");
}
