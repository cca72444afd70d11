import { Prisma } from "../generated/prisma/client";
import type { CatalogSourceKind } from "../generated/prisma/enums";
import { documentJsonPath, FACET_COLUMNS, FACETS, onlyKindFilter, whereClause, type EntityFilters, type Facet } from "./catalog-filters";
import type { EntityColumns } from "./catalog-writes";
import type { SqlRunner } from "./sql-runner";

// Read queries of the catalog (filters as SQL: ./catalog-filters.ts).

export { FACETS, documentJsonPath } from "./catalog-filters";
export type { EntityFilters, Facet } from "./catalog-filters";

export const SORT_FIELDS = { name: "e.name", kind: "e.kind", owner: "e.owner_ref", lifecycle: "e.lifecycle", type: "e.spec_type", system: "e.system_ref", updatedAt: "e.updated_at", ref: "e.ref", title: "e.title", namespace: "e.namespace" } as const;
export type SortField = keyof typeof SORT_FIELDS;

export type EntityListQuery = {
  filters: EntityFilters;
  sort?: { field: SortField; order: "asc" | "desc" };
  after?: { value: string | null; id: string };
  /** Rows to skip (Backstage's offset pagination); keyset `after` is the fast path. */
  offset?: number;
  limit: number;
  withDocument?: boolean;
};

export type EntitySummary = EntityColumns & {
  sourceId: string | null;
  orphanedAt: Date | null;
  updatedAt: Date;
  document?: Prisma.JsonValue;
};

const SUMMARY_COLUMNS = Prisma.raw(`e.id, e.ref, e.kind, e.namespace, e.name, e.title, e.description, e.spec_type AS "specType",
  e.lifecycle, e.owner_ref AS "ownerRef", e.system_ref AS "systemRef", e.tags, e.source_id AS "sourceId",
  e.orphaned_at AS "orphanedAt", e.updated_at AS "updatedAt", e.content_hash AS "contentHash"`);

/** The facet-count rows that cover every kind (kept beside the per-kind rows by the engine). */
export const ALL_KINDS = "*";

/** Counts beyond this are reported as COUNT_CAP + 1 ("10,000+"). */
export const COUNT_CAP = 10_000;

export type GraphInput = { rootRefs: string[]; types: string[]; depth: number; maxNodes: number };

export type SearchHit = { entityId: string; ref: string; kind: string; name: string; title: string | null; description: string | null; score: number };

export function catalogReadsRepo(run: SqlRunner, tenantId: string) {
  type FacetRow = { facet: Facet; value: string; count: number };

  /**
   * The maintained counts for all kinds or one: each facet's top values straight off the
   * (tenant, kind, facet, count DESC, value) index, one short range per facet, in one statement.
   * The kind facet ignores its own filter.
   */
  const topFacetValues = (facets: readonly Facet[], kind: string | undefined, limitPerFacet: number) =>
    run<FacetRow>(Prisma.sql`
      SELECT f.facet, c.value, c.count
      FROM unnest(${facets as string[]}::text[], ${facets.map((facet) => (facet === "kind" || !kind ? ALL_KINDS : kind))}::text[]) AS f(facet, kind)
      CROSS JOIN LATERAL (
        SELECT value, count FROM catalog_facet_counts
        WHERE tenant_id = ${tenantId}::uuid AND kind = f.kind AND facet = f.facet
        ORDER BY count DESC, value
        LIMIT ${limitPerFacet}
      ) c
      ORDER BY f.facet, c.count DESC, c.value`);

  /** The maintained counts summed over several kinds (a rarer filter: ranks every value). */
  const summedFacetValues = (facets: readonly Facet[], kinds: string[], limitPerFacet: number) =>
    run<FacetRow>(Prisma.sql`
      SELECT facet, value, count FROM (
        SELECT facet, value, total AS count, row_number() OVER (PARTITION BY facet ORDER BY total DESC, value) AS position
        FROM (
          SELECT facet, value, count AS total FROM catalog_facet_counts
          WHERE tenant_id = ${tenantId}::uuid AND kind = ${ALL_KINDS} AND facet = 'kind' AND ${facets.includes("kind")}
          UNION ALL
          SELECT facet, value, sum(count)::int AS total FROM catalog_facet_counts
          WHERE tenant_id = ${tenantId}::uuid AND kind = ANY(${kinds}::text[])
            AND facet = ANY(${facets.filter((facet) => facet !== "kind") as string[]}::text[])
          GROUP BY facet, value
        ) totals
      ) ranked
      WHERE position <= ${limitPerFacet}
      ORDER BY facet, count DESC, value`);

  const listSql = (query: EntityListQuery): Prisma.Sql => {
    const sort = query.sort ?? { field: "name" as const, order: "asc" as const };
    // name is never null: sorting on the bare column lets the (tenant_id, name, id) index serve it.
    const column = Prisma.raw(
      sort.field === "updatedAt" || sort.field === "name" ? SORT_FIELDS[sort.field] : `coalesce(${SORT_FIELDS[sort.field]}, '')`,
    );
    const direction = Prisma.raw(sort.order === "desc" ? "DESC" : "ASC");
    const comparator = Prisma.raw(sort.order === "desc" ? "<" : ">");
    const keyset = query.after
      ? sort.field === "updatedAt"
        ? Prisma.sql`AND (e.updated_at, e.id) ${comparator} (${query.after.value}::timestamptz, ${query.after.id}::uuid)`
        : sort.field === "name"
        ? Prisma.sql`AND (e.name, e.id) ${comparator} (${query.after.value ?? ""}, ${query.after.id}::uuid)`
        : Prisma.sql`AND (${column}, e.id) ${comparator} (${query.after.value ?? ""}, ${query.after.id}::uuid)`
      : Prisma.empty;
    const documentColumn = query.withDocument ? Prisma.sql`, e.document` : Prisma.empty;
    return Prisma.sql`
      SELECT ${SUMMARY_COLUMNS} ${documentColumn}
      FROM catalog_entities e
      WHERE ${whereClause(tenantId, query.filters)} ${keyset}
      ORDER BY ${column} ${direction}, e.id ${direction}
      LIMIT ${query.limit} OFFSET ${query.offset ?? 0}`;
  };

  /**
   * How many entities match, as one value (`n`). Exact from the maintained counts when only kind
   * filters; otherwise counting stops after `cap` rows and answers cap + 1 (show it as
   * "10,000+"), so a broad filter over 100k entities costs a bounded scan, not a full one.
   */
  const countSql = (filters: EntityFilters, cap: number): Prisma.Sql => {
    if (onlyKindFilter(filters)) {
      const kinds = filters.kind?.length ? filters.kind.map((kind) => kind.toLowerCase()) : [ALL_KINDS];
      return Prisma.sql`
        SELECT coalesce(sum(count), 0)::int AS n FROM catalog_facet_counts
        WHERE tenant_id = ${tenantId}::uuid AND facet = 'kind' AND kind = ANY(${kinds}::text[])`;
    }
    return Prisma.sql`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM catalog_entities e WHERE ${whereClause(tenantId, filters)} LIMIT ${cap + 1}) matched`;
  };

  /**
   * The neighbourhood of the roots over the given relation types, `depth` hops out, in one
   * recursive query (never one request per node), capped at `maxNodes`, nearest first.
   */
  const walkSql = (input: GraphInput) => Prisma.sql`
    WITH RECURSIVE walk(ref, depth) AS (
      SELECT unnest(${input.rootRefs.map((ref) => ref.toLowerCase())}::text[]), 0
      UNION
      SELECT r.target_ref, w.depth + 1
      FROM walk w JOIN catalog_relations r ON r.tenant_id = ${tenantId}::uuid AND r.source_ref = w.ref AND r.type = ANY(${input.types}::text[])
      WHERE w.depth < ${input.depth}
    )
    SELECT ref, min(depth)::int AS depth FROM walk GROUP BY ref ORDER BY min(depth), ref LIMIT ${input.maxNodes}`;

  /** The relations among `refs` (an array expression) of the given types. */
  const edgesSql = (refs: Prisma.Sql, types: string[]) => Prisma.sql`
    SELECT DISTINCT r.source_ref AS "sourceRef", r.type, r.target_ref AS "targetRef"
    FROM catalog_relations r
    WHERE r.tenant_id = ${tenantId}::uuid AND r.source_ref = ANY(${refs}) AND r.target_ref = ANY(${refs})
      AND r.type = ANY(${types}::text[])
    ORDER BY 1, 2, 3`;

  const searchSql = (query: string, limit: number) => Prisma.sql`
    SELECT entity_id AS "entityId", ref, kind, name, title, description, score FROM catalog_search.search(${query}, ${limit})`;

  const repo = {
    list: (query: EntityListQuery): Promise<EntitySummary[]> => run<EntitySummary>(listSql(query)),

    /** How many entities match (see countSql: exact for kind filters, else capped at `cap` + 1). */
    count: async (filters: EntityFilters, cap = COUNT_CAP): Promise<number> => {
      const [row] = await run<{ n: number }>(countSql(filters, cap));
      return row?.n ?? 0;
    },

    /**
     * `list` and `count` as the JSON text `{"rows": [...], "total": n}`, built by Postgres in one
     * statement: what the read cache stores, without Node parsing rows only to serialise them
     * again (a third of the CPU of a cache miss). Dates arrive as ISO strings.
     */
    pageJson: async (query: EntityListQuery, cap = COUNT_CAP): Promise<string> => {
      // json_agg keeps the sorted subquery's order.
      const [row] = await run<{ json: string }>(Prisma.sql`
        SELECT json_build_object(
          'rows', coalesce((SELECT json_agg(page) FROM (${listSql(query)}) page), '[]'::json),
          'total', (${countSql(query.filters, cap)})
        )::text AS json`);
      return row!.json;
    },

    /** Counts per facet value; each facet ignores its own filter (so its other values stay visible). */
    facets: async (filters: EntityFilters, facets: readonly Facet[] = FACETS, limitPerFacet = 200) => {
      const result = {} as Record<Facet, { value: string; count: number }[]>;
      if (onlyKindFilter(filters)) {
        const kinds = filters.kind?.map((kind) => kind.toLowerCase()) ?? [];
        const rows = kinds.length <= 1 ? await topFacetValues(facets, kinds[0], limitPerFacet) : await summedFacetValues(facets, kinds, limitPerFacet);
        for (const facet of facets) result[facet] = rows.filter((row) => row.facet === facet).map(({ value, count }) => ({ value, count }));
        return result;
      }
      for (const facet of facets) {
        const rows =
          facet === "tag"
            ? await run<{ value: string; count: number }>(Prisma.sql`
                SELECT t.tag AS value, count(*)::int AS count
                FROM catalog_entity_tags t JOIN catalog_entities e ON e.tenant_id = t.tenant_id AND e.id = t.entity_id
                WHERE t.tenant_id = ${tenantId}::uuid AND ${whereClause(tenantId, filters, "tag")}
                GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT ${limitPerFacet}`)
            : await run<{ value: string; count: number }>(Prisma.sql`
                SELECT ${Prisma.raw(FACET_COLUMNS[facet])} AS value, count(*)::int AS count
                FROM catalog_entities e
                WHERE ${whereClause(tenantId, filters, facet)} AND ${Prisma.raw(FACET_COLUMNS[facet])} IS NOT NULL
                GROUP BY 1 ORDER BY count DESC, value LIMIT ${limitPerFacet}`);
        result[facet] = rows;
      }
      return result;
    },

    /**
     * `facets` as JSON text (`{"kind": [{"value", "count"}, ...], ...}`). Built by Postgres in one
     * statement for the maintained counts (no filter, or one kind); other filters count by scan.
     */
    facetsJson: async (filters: EntityFilters, facets: readonly Facet[] = FACETS, limitPerFacet = 200): Promise<string> => {
      const kinds = filters.kind?.map((kind) => kind.toLowerCase()) ?? [];
      if (!onlyKindFilter(filters) || kinds.length > 1) return JSON.stringify(await repo.facets(filters, facets, limitPerFacet));
      const [row] = await run<{ json: string }>(Prisma.sql`
        SELECT coalesce(json_object_agg(f.facet, coalesce(top.values, '[]'::json)), '{}'::json)::text AS json
        FROM unnest(${facets as string[]}::text[], ${facets.map((facet) => (facet === "kind" || !kinds[0] ? ALL_KINDS : kinds[0]))}::text[]) AS f(facet, kind)
        LEFT JOIN LATERAL (
          SELECT json_agg(json_build_object('value', c.value, 'count', c.count)) AS values
          FROM (
            SELECT value, count FROM catalog_facet_counts
            WHERE tenant_id = ${tenantId}::uuid AND kind = f.kind AND facet = f.facet
            ORDER BY count DESC, value
            LIMIT ${limitPerFacet}
          ) c
        ) top ON true`);
      return row!.json;
    },

    getByRef: async (ref: string): Promise<(EntitySummary & { document: Prisma.JsonValue }) | null> => {
      const [row] = await run<EntitySummary & { document: Prisma.JsonValue }>(Prisma.sql`
        SELECT ${SUMMARY_COLUMNS}, e.document FROM catalog_entities e
        WHERE e.tenant_id = ${tenantId}::uuid AND e.ref = ${ref.toLowerCase()}`);
      return row ?? null;
    },

    /** Where an entity came from (the entity page names its source). */
    sourceSummary: async (id: string): Promise<{ id: string; kind: CatalogSourceKind; name: string; target: string | null; lastMutationAt: Date | null } | null> => {
      const [row] = await run<{ id: string; kind: CatalogSourceKind; name: string; target: string | null; lastMutationAt: Date | null }>(Prisma.sql`
        SELECT id, kind::text AS kind, name, target, last_mutation_at AS "lastMutationAt" FROM catalog_sources
        WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid`);
      return row ?? null;
    },

    getById: async (id: string): Promise<(EntitySummary & { document: Prisma.JsonValue }) | null> => {
      const [row] = await run<EntitySummary & { document: Prisma.JsonValue }>(Prisma.sql`
        SELECT ${SUMMARY_COLUMNS}, e.document FROM catalog_entities e
        WHERE e.tenant_id = ${tenantId}::uuid AND e.id = ${id}::uuid`);
      return row ?? null;
    },

    /**
     * Counts per value of any document path, as written (Backstage's /entity-facets serves original
     * case: "Component", not "component"); arrays count each item.
     */
    documentFacet: (filters: EntityFilters, path: string[], limit = 1_000) =>
      run<{ value: string; count: number }>(Prisma.sql`
        SELECT v #>> '{}' AS value, count(DISTINCT e.id)::int AS count
        FROM catalog_entities e, jsonb_path_query(e.document, ${documentJsonPath(path)}::jsonpath) v
        WHERE ${whereClause(tenantId, filters)} AND jsonb_typeof(v) IN ('string', 'number', 'boolean')
        GROUP BY 1 ORDER BY count DESC, value LIMIT ${limit}`),

    /** Counts per target of one relation type (case-insensitive), e.g. how many entities each group owns. */
    relationFacet: (filters: EntityFilters, type: string, limit = 1_000) =>
      run<{ value: string; count: number }>(Prisma.sql`
        SELECT r.target_ref AS value, count(DISTINCT e.id)::int AS count
        FROM catalog_entities e
        JOIN catalog_relations r ON r.tenant_id = e.tenant_id AND r.source_ref = e.ref AND lower(r.type) = ${type.toLowerCase()}
        WHERE ${whereClause(tenantId, filters)}
        GROUP BY 1 ORDER BY count DESC, value LIMIT ${limit}`),

    /** The relations of many entities in one query (list endpoints serve each entity's relations). */
    relationsOfRefs: (refs: string[]) =>
      run<{ sourceRef: string; type: string; targetRef: string }>(Prisma.sql`
        SELECT DISTINCT r.source_ref AS "sourceRef", r.type, r.target_ref AS "targetRef"
        FROM catalog_relations r
        WHERE r.tenant_id = ${tenantId}::uuid AND r.source_ref = ANY(${refs.map((ref) => ref.toLowerCase())}::text[])
        ORDER BY 1, 2, 3`),

    /** The targets of one entity's relations of one type (e.g. the domain a system is part of). */
    relationTargets: async (ref: string, type: string): Promise<string[]> =>
      (
        await run<{ targetRef: string }>(Prisma.sql`
          SELECT DISTINCT target_ref AS "targetRef" FROM catalog_relations
          WHERE tenant_id = ${tenantId}::uuid AND source_ref = ${ref.toLowerCase()} AND type = ${type}
          ORDER BY 1`)
      ).map((row) => row.targetRef),

    /** Every relation of one entity (both directions are stored), with what each target is. */
    relationsOf: (ref: string) =>
      run<{ type: string; targetRef: string; targetKind: string | null; targetTitle: string | null; targetExists: boolean }>(Prisma.sql`
        SELECT r.type, r.target_ref AS "targetRef", t.kind AS "targetKind", coalesce(t.title, t.name) AS "targetTitle", t.id IS NOT NULL AS "targetExists"
        FROM catalog_relations r
        LEFT JOIN catalog_entities t ON t.tenant_id = r.tenant_id AND t.ref = r.target_ref
        WHERE r.tenant_id = ${tenantId}::uuid AND r.source_ref = ${ref.toLowerCase()}
        GROUP BY r.type, r.target_ref, t.kind, t.title, t.name, t.id
        ORDER BY r.type, r.target_ref`),

    /**
     * The neighbourhood of `rootRef` over the given relation types, `depth` hops out, in one
     * recursive query (never one request per node), capped at `maxNodes`.
     */
    graph: async (input: GraphInput) => {
      const nodes = await run<{ ref: string; depth: number }>(walkSql(input));
      const refs = nodes.map((node) => node.ref);
      // One after the other: a transaction's statements share one connection.
      const details = await run<{ ref: string; kind: string; name: string; title: string | null; specType: string | null; ownerRef: string | null }>(Prisma.sql`
        SELECT e.ref, e.kind, e.name, e.title, e.spec_type AS "specType", e.owner_ref AS "ownerRef"
        FROM catalog_entities e WHERE e.tenant_id = ${tenantId}::uuid AND e.ref = ANY(${refs}::text[])`);
      const edges = await run<{ sourceRef: string; type: string; targetRef: string }>(edgesSql(Prisma.sql`${refs}::text[]`, input.types));
      const byRef = new Map(details.map((detail) => [detail.ref, detail]));
      return {
        nodes: nodes.map((node) => ({ ...node, entity: byRef.get(node.ref) ?? null })),
        edges,
        truncated: nodes.length >= input.maxNodes,
      };
    },

    /** `graph` as JSON text, in one statement: what the read cache stores; `null` when a root entity does not exist. */
    graphJson: async (input: GraphInput): Promise<string> => {
      const [row] = await run<{ json: string }>(Prisma.sql`
        WITH nodes AS MATERIALIZED (${walkSql(input)}),
        found AS (SELECT array_agg(ref) AS refs FROM nodes),
        details AS (
          SELECT e.ref, json_build_object('ref', e.ref, 'kind', e.kind, 'name', e.name, 'title', e.title, 'specType', e.spec_type, 'ownerRef', e.owner_ref) AS entity
          FROM catalog_entities e WHERE e.tenant_id = ${tenantId}::uuid AND e.ref = ANY((SELECT refs FROM found)::text[])
        )
        SELECT CASE WHEN EXISTS (SELECT 1 FROM nodes n WHERE n.depth = 0 AND NOT EXISTS (SELECT 1 FROM details d WHERE d.ref = n.ref)) THEN 'null'
        ELSE json_build_object(
          'nodes', coalesce((
            SELECT json_agg(json_build_object('ref', n.ref, 'depth', n.depth, 'entity', d.entity) ORDER BY n.depth, n.ref)
            FROM nodes n LEFT JOIN details d ON d.ref = n.ref), '[]'::json),
          'edges', coalesce((SELECT json_agg(edge) FROM (${edgesSql(Prisma.sql`(SELECT refs FROM found)::text[]`, input.types)}) edge), '[]'::json),
          'truncated', (SELECT count(*) FROM nodes) >= ${input.maxNodes}
        )::text END AS json`);
      return row!.json;
    },

    /** Typo-tolerant ranked search through the SECURITY DEFINER function (tenant from the transaction). */
    search: (query: string, limit: number) => run<SearchHit>(searchSql(query, limit)),

    /** `search` as JSON text, for the read cache. */
    searchJson: async (query: string, limit: number): Promise<string> => {
      const [row] = await run<{ json: string }>(Prisma.sql`SELECT coalesce(json_agg(hit), '[]'::json)::text AS json FROM (${searchSql(query, limit)}) hit`);
      return row!.json;
    },
  };
  return repo;
}
