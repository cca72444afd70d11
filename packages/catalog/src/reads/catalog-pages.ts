import { FACETS, withTenantReads, type EntityFilters, type EntityListQuery, type Facet, type GraphInput, type SearchHit, type TenantReadDb, type TenantScope } from "@greenroom/db";

import { cachedJsonRead, cachedRead } from "./read-cache";

// What the catalog's pages read, cached per tenant and generation (./read-cache.ts). On a miss
// each opens one read-only tenant transaction (withTenantReads), not the request's Prisma one.

type Reads = TenantReadDb["catalogReads"];
type EntityRecord = NonNullable<Awaited<ReturnType<Reads["getByRef"]>>>;
type Relation = Awaited<ReturnType<Reads["relationsOf"]>>[number];

export type CatalogPage = { rows: Awaited<ReturnType<Reads["list"]>>; total: number };
export type EntityPage = {
  entity: EntityRecord;
  relations: Relation[];
  source: Awaited<ReturnType<Reads["sourceSummary"]>>;
  /** The domain the entity is in: its own for a system, its system's for what is part of one. */
  domainRef: string | null;
};
export type FacetCounts = Record<Facet, { value: string; count: number }[]>;
export type EntityGraph = Awaited<ReturnType<Reads["graph"]>>;
export type GraphQuery = GraphInput;

// JSON turns Dates into ISO strings; these put them back for the fields each read returns.
const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
function reviveEntity<E extends { updatedAt: Date; orphanedAt: Date | null }>(entity: E): E {
  entity.updatedAt = toDate(entity.updatedAt)!;
  entity.orphanedAt = toDate(entity.orphanedAt);
  return entity;
}
const revivePage = (page: CatalogPage): CatalogPage => ({ ...page, rows: page.rows.map(reviveEntity) });
const reviveEntityPage = (page: EntityPage | null): EntityPage | null =>
  page && { ...page, entity: reviveEntity(page.entity), source: page.source && { ...page.source, lastMutationAt: toDate(page.source.lastMutationAt) } };

const read = <T>(scope: TenantScope, work: (reads: Reads) => Promise<T>) => withTenantReads(scope, (db) => work(db.catalogReads));

/** Lower-case and single spaces: "Payments  API" and "payments api" are one search. */
export function normaliseSearch(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, " ");
}

/** One page of the catalog table and how many entities match (counting stops at COUNT_CAP). */
export function readCatalogPage(scope: TenantScope, query: EntityListQuery): Promise<CatalogPage> {
  return cachedJsonRead(scope.tenantId, "page", query, () => read(scope, (reads) => reads.pageJson(query)), revivePage);
}

/** The facet sidebar: counts per value, each facet ignoring its own filter. */
export function readCatalogFacets(scope: TenantScope, filters: EntityFilters, facets: readonly Facet[] = FACETS, limitPerFacet = 200): Promise<FacetCounts> {
  return cachedJsonRead(scope.tenantId, "facets", { filters, facets, limitPerFacet }, () => read(scope, (reads) => reads.facetsJson(filters, facets, limitPerFacet)));
}

/** ⌘K: typo-tolerant, ranked (catalog_search.search, pinned to the transaction's tenant). */
export function searchCatalog(scope: TenantScope, query: string, limit: number) {
  const text = normaliseSearch(query);
  return cachedJsonRead<SearchHit[]>(scope.tenantId, "search", { text, limit }, () => read(scope, (reads) => reads.searchJson(text, limit)));
}

const domainOf = (relations: { type: string; targetRef: string }[]) =>
  relations.find((relation) => relation.type === "partOf" && relation.targetRef.startsWith("domain:"))?.targetRef ?? null;
const domainAmong = (refs: string[]) => refs.find((ref) => ref.startsWith("domain:")) ?? null;

/** The entity page: the entity, every relation with whether its target exists, its source and domain; null when absent. */
export function readEntityPage(scope: TenantScope, ref: string): Promise<EntityPage | null> {
  return cachedRead(scope.tenantId, "entity", ref.toLowerCase(), () =>
    read(scope, async (reads) => {
      const entity = await reads.getByRef(ref);
      if (!entity) return null;
      const relations = await reads.relationsOf(ref);
      const source = entity.sourceId ? await reads.sourceSummary(entity.sourceId) : null;
      // A system names its domain; anything else reaches one through its system.
      const domainRef =
        entity.kind === "system" ? domainOf(relations) : entity.systemRef ? domainAmong(await reads.relationTargets(entity.systemRef, "partOf")) : null;
      return { entity, relations, source, domainRef };
    }),
    reviveEntityPage,
  );
}

/** An entity's neighbourhood over `types`, `depth` hops out, in one recursive query; null when the root is absent. */
export function readEntityGraph(scope: TenantScope, query: GraphQuery): Promise<EntityGraph | null> {
  return cachedJsonRead(scope.tenantId, "graph", query, () => read(scope, (reads) => reads.graphJson(query)));
}
