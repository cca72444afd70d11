export { readCatalogPage, readCatalogFacets, searchCatalog, readEntityPage, readEntityGraph, normaliseSearch } from "./catalog-pages";
export type { CatalogPage, EntityPage, EntityGraph, GraphQuery } from "./catalog-pages";
export { cachedRead, catalogCacheCounters, CACHED_PAGE_TTL_SECONDS } from "./read-cache";
export type { CacheOutcome } from "./read-cache";
export { bumpCatalogGeneration } from "./generation";
