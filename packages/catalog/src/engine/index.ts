// Every committed catalog write retires the tenant's cached pages (../reads/generation.ts).
import "../reads/generation";

export { applyMutation } from "./apply-mutation";
export type { Mutation, MutationOptions, MutationResult } from "./apply-mutation";
export { ensureSource, removeSource, confirmHeldMutation, discardHeldMutation, removeOrphans, sourceName, HeldMutationGone } from "./sources";
export { ingestCatalogText, parseCatalogText } from "./ingest";
export type { IngestInput, IngestResult } from "./ingest";
export { toEntityRow } from "./entity-row";
export { deleteEntitiesCounted as removeEntities } from "./facet-counts";
