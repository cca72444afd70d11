import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../tx";

/** The indexed columns of an entity, derived from its document at write time. */
export type EntityColumns = {
  id: string;
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  description: string | null;
  specType: string | null;
  lifecycle: string | null;
  ownerRef: string | null;
  systemRef: string | null;
  tags: string[];
  contentHash: string;
};

/** One entity row as the write engine hands it over (document already validated). */
export type EntityRow = EntityColumns & { document: Prisma.InputJsonValue };

export type RelationRow = { originId: string; sourceRef: string; type: string; targetRef: string };
export type SearchRow = { entityId: string; ref: string; kind: string; name: string; title: string | null; description: string | null; tags: string[]; ownerRef: string | null };
export type ExistingEntity = { id: string; ref: string; sourceId: string | null; contentHash: string };
/** The facet-relevant columns of an entity as stored. */
export type FacetValues = { kind: string; specType: string | null; lifecycle: string | null; ownerRef: string | null; systemRef: string | null; namespace: string; tags: string[] };
export type FacetDelta = { kind: string; facet: string; value: string; delta: number };

// Bulk statements take whole columns as arrays and unnest them server-side: one round trip per
// statement however many rows, which is what lets a 10,000-entity mutation land in seconds.
// Ragged values (tags, documents) travel as JSON text.

const CHUNK = 2_000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

function columns(rows: EntityRow[]) {
  return [
    rows.map((row) => row.id),
    rows.map((row) => row.ref),
    rows.map((row) => row.kind),
    rows.map((row) => row.namespace),
    rows.map((row) => row.name),
    rows.map((row) => row.title),
    rows.map((row) => row.description),
    rows.map((row) => row.specType),
    rows.map((row) => row.lifecycle),
    rows.map((row) => row.ownerRef),
    rows.map((row) => row.systemRef),
    rows.map((row) => JSON.stringify(row.tags)),
    rows.map((row) => row.contentHash),
    rows.map((row) => JSON.stringify(row.document)),
  ];
}

const UNNEST_ENTITY = `unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
  $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
  AS u(id, ref, kind, namespace, name, title, description, spec_type, lifecycle, owner_ref, system_ref, tags, content_hash, document)`;

/**
 * `changed` is called by every method that writes (tenancy.ts: the read cache hears of the write
 * once the transaction commits), so no write path can leave a stale cached page behind.
 */
export function catalogWritesRepo(tx: Tx, tenantId: string, changed: () => void = () => undefined) {
  /**
   * Moves the search vocabulary (catalog_search.words, what typo correction reads) by the words of
   * these entities' search documents: -1 per word before documents are replaced or deleted, +1
   * after they are written. Ordered by word so concurrent writers lock rows in the same order.
   */
  const moveVocabulary = async (entityIds: string[], sign: 1 | -1): Promise<void> => {
    for (const part of chunks(entityIds)) {
      await tx.$executeRaw`
        INSERT INTO catalog_search.words AS w (tenant_id, word, documents)
        SELECT ${tenantId}::uuid, v.word, ${sign}::int * count(*)::int
        FROM catalog_search.documents d, catalog_search.vocabulary_of(d.tsv) AS v(word)
        WHERE d.tenant_id = ${tenantId}::uuid AND d.entity_id = ANY(${part}::uuid[])
        GROUP BY v.word ORDER BY v.word
        ON CONFLICT (tenant_id, word) DO UPDATE SET documents = w.documents + excluded.documents`;
    }
  };
  const dropUnusedWords = async (): Promise<void> => {
    await tx.$executeRaw`DELETE FROM catalog_search.words WHERE tenant_id = ${tenantId}::uuid AND documents <= 0`;
  };

  return {
    /** The entities a source owns now (ids, refs, hashes only: the diff needs nothing more). */
    entitiesOfSource: (sourceId: string): Promise<ExistingEntity[]> =>
      tx.catalogEntity.findMany({ where: { tenantId, sourceId }, select: { id: true, ref: true, sourceId: true, contentHash: true } }),

    /** Who owns each of these refs, across all sources. */
    entitiesByRefs: async (refs: string[]): Promise<ExistingEntity[]> => {
      const found: ExistingEntity[] = [];
      for (const part of chunks(refs)) {
        found.push(
          ...(await tx.catalogEntity.findMany({
            where: { tenantId, ref: { in: part } },
            select: { id: true, ref: true, sourceId: true, contentHash: true },
          })),
        );
      }
      return found;
    },

    insertEntities: async (rows: EntityRow[], sourceId: string): Promise<void> => {
      changed();
      for (const part of chunks(rows)) {
        await tx.$executeRawUnsafe(
          `INSERT INTO catalog_entities (tenant_id, id, ref, kind, namespace, name, title, description, spec_type, lifecycle,
             owner_ref, system_ref, tags, content_hash, document, source_id)
           SELECT $1::uuid, u.id, u.ref, u.kind, u.namespace, u.name, u.title, u.description, u.spec_type, u.lifecycle,
             u.owner_ref, u.system_ref, ARRAY(SELECT jsonb_array_elements_text(u.tags::jsonb)), u.content_hash, u.document::jsonb, $16::uuid
           FROM ${UNNEST_ENTITY}`,
          tenantId,
          ...columns(part),
          sourceId,
        );
      }
    },

    /** Also (re)claims the rows for `sourceId`: an orphan written by a source becomes its own. */
    updateEntities: async (rows: EntityRow[], sourceId: string): Promise<void> => {
      changed();
      for (const part of chunks(rows)) {
        await tx.$executeRawUnsafe(
          `UPDATE catalog_entities e SET ref = u.ref, kind = u.kind, namespace = u.namespace, name = u.name, title = u.title,
             description = u.description, spec_type = u.spec_type, lifecycle = u.lifecycle, owner_ref = u.owner_ref,
             system_ref = u.system_ref, tags = ARRAY(SELECT jsonb_array_elements_text(u.tags::jsonb)),
             content_hash = u.content_hash, document = u.document::jsonb, orphaned_at = NULL, updated_at = now(),
             source_id = $16::uuid
           FROM ${UNNEST_ENTITY}
           WHERE e.tenant_id = $1::uuid AND e.id = u.id`,
          tenantId,
          ...columns(part),
          sourceId,
        );
      }
    },

    deleteEntities: async (ids: string[]): Promise<void> => {
      changed();
      await moveVocabulary(ids, -1);
      for (const part of chunks(ids)) {
        await tx.$executeRaw`DELETE FROM catalog_entities WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${part}::uuid[])`;
        await tx.$executeRaw`DELETE FROM catalog_entity_tags WHERE tenant_id = ${tenantId}::uuid AND entity_id = ANY(${part}::uuid[])`;
        await tx.$executeRaw`DELETE FROM catalog_relations WHERE tenant_id = ${tenantId}::uuid AND origin_id = ANY(${part}::uuid[])`;
        await tx.$executeRaw`DELETE FROM catalog_search.documents WHERE tenant_id = ${tenantId}::uuid AND entity_id = ANY(${part}::uuid[])`;
      }
      await dropUnusedWords();
    },

    /** Replaces the derived rows (relations, tags, search) of entities that were written. */
    replaceDerived: async (entityIds: string[], relations: RelationRow[], tags: { entityId: string; tag: string }[], search: SearchRow[]): Promise<void> => {
      changed();
      const searched = search.map((row) => row.entityId);
      await moveVocabulary(searched, -1);
      for (const part of chunks(entityIds)) {
        await tx.$executeRaw`DELETE FROM catalog_relations WHERE tenant_id = ${tenantId}::uuid AND origin_id = ANY(${part}::uuid[])`;
        await tx.$executeRaw`DELETE FROM catalog_entity_tags WHERE tenant_id = ${tenantId}::uuid AND entity_id = ANY(${part}::uuid[])`;
      }
      for (const part of chunks(relations)) {
        await tx.$executeRaw`
          INSERT INTO catalog_relations (tenant_id, origin_id, source_ref, type, target_ref)
          SELECT ${tenantId}::uuid, u.origin_id, u.source_ref, u.type, u.target_ref
          FROM unnest(${part.map((r) => r.originId)}::uuid[], ${part.map((r) => r.sourceRef)}::text[],
                      ${part.map((r) => r.type)}::text[], ${part.map((r) => r.targetRef)}::text[])
            AS u(origin_id, source_ref, type, target_ref)
          ON CONFLICT DO NOTHING`;
      }
      for (const part of chunks(tags)) {
        await tx.$executeRaw`
          INSERT INTO catalog_entity_tags (tenant_id, tag, entity_id)
          SELECT ${tenantId}::uuid, u.tag, u.entity_id
          FROM unnest(${part.map((t) => t.tag)}::text[], ${part.map((t) => t.entityId)}::uuid[]) AS u(tag, entity_id)
          ON CONFLICT DO NOTHING`;
      }
      for (const part of chunks(search)) {
        await tx.$executeRaw`
          INSERT INTO catalog_search.documents (tenant_id, entity_id, ref, kind, name, title, description, haystack, tsv)
          SELECT ${tenantId}::uuid, u.entity_id, u.ref, u.kind, u.name, u.title, u.description,
                 lower(concat_ws(' ', u.name, u.title, u.description, u.tags, u.owner)),
                 setweight(to_tsvector('simple', concat_ws(' ', u.name, replace(u.name, '-', ' '), u.title)), 'A')
                   -- The owner's bare name too ("team-a"): the parser keeps "group:default/team-a" as one token.
                   || setweight(to_tsvector('simple', concat_ws(' ', u.tags, u.owner, regexp_replace(u.owner, '^.*/', ''))), 'B')
                   || setweight(to_tsvector('simple', coalesce(u.description, '')), 'C')
          FROM unnest(${part.map((s) => s.entityId)}::uuid[], ${part.map((s) => s.ref)}::text[], ${part.map((s) => s.kind)}::text[],
                      ${part.map((s) => s.name)}::text[], ${part.map((s) => s.title)}::text[], ${part.map((s) => s.description)}::text[],
                      ${part.map((s) => s.tags.join(" "))}::text[], ${part.map((s) => s.ownerRef)}::text[])
            AS u(entity_id, ref, kind, name, title, description, tags, owner)
          ON CONFLICT (tenant_id, entity_id) DO UPDATE SET ref = excluded.ref, kind = excluded.kind, name = excluded.name,
            title = excluded.title, description = excluded.description, haystack = excluded.haystack, tsv = excluded.tsv`;
      }
      await moveVocabulary(searched, +1);
      await dropUnusedWords();
    },

    facetValuesOf: async (ids: string[]): Promise<FacetValues[]> => {
      const rows: FacetValues[] = [];
      for (const part of chunks(ids)) {
        rows.push(
          ...(await tx.$queryRaw<FacetValues[]>`
            SELECT kind, spec_type AS "specType", lifecycle, owner_ref AS "ownerRef", system_ref AS "systemRef", namespace, tags
            FROM catalog_entities WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${part}::uuid[])`),
        );
      }
      return rows;
    },

    applyFacetDeltas: async (deltas: FacetDelta[]): Promise<void> => {
      if (deltas.length) changed();
      for (const part of chunks(deltas)) {
        await tx.$executeRaw`
          INSERT INTO catalog_facet_counts (tenant_id, kind, facet, value, count)
          SELECT ${tenantId}::uuid, u.kind, u.facet, u.value, u.delta
          FROM unnest(${part.map((d) => d.kind)}::text[], ${part.map((d) => d.facet)}::text[], ${part.map((d) => d.value)}::text[], ${part.map((d) => d.delta)}::int[])
            AS u(kind, facet, value, delta)
          ON CONFLICT (tenant_id, kind, facet, value) DO UPDATE SET count = catalog_facet_counts.count + excluded.count`;
      }
      if (deltas.some((d) => d.delta < 0)) {
        await tx.$executeRaw`DELETE FROM catalog_facet_counts WHERE tenant_id = ${tenantId}::uuid AND count <= 0`;
      }
    },

    recordConflict: async (ref: string, ownerSourceId: string, claimantSourceId: string, document: Prisma.InputJsonValue): Promise<void> => {
      changed();
      await tx.catalogConflict.upsert({
        where: { tenantId_ref_claimantSourceId: { tenantId, ref, claimantSourceId } },
        create: { tenantId, ref, ownerSourceId, claimantSourceId, document },
        update: { ownerSourceId, document, lastSeenAt: new Date() },
      });
    },
    clearConflicts: async (claimantSourceId: string, refs: string[]): Promise<void> => {
      const { count } = await tx.catalogConflict.deleteMany({ where: { tenantId, claimantSourceId, ref: { notIn: refs } } });
      if (count) changed();
    },
    listConflicts: () => tx.catalogConflict.findMany({ where: { tenantId }, orderBy: { lastSeenAt: "desc" }, take: 500 }),

    holdMutation: (sourceId: string, documents: Prisma.InputJsonValue, wouldDelete: number, existingCount: number) => {
      changed();
      return tx.catalogHeldMutation.create({ data: { tenantId, sourceId, documents, wouldDelete, existingCount }, select: { id: true } });
    },
    supersedeHeld: async (sourceId: string): Promise<void> => {
      const { count } = await tx.catalogHeldMutation.updateMany({
        where: { tenantId, sourceId, resolvedAt: null },
        data: { resolvedAt: new Date(), resolution: "superseded" },
      });
      if (count) changed();
    },
    findHeld: (id: string) => tx.catalogHeldMutation.findUnique({ where: { tenantId_id: { tenantId, id } } }),
    listHeld: () =>
      tx.catalogHeldMutation.findMany({
        where: { tenantId, resolvedAt: null },
        select: { id: true, sourceId: true, wouldDelete: true, existingCount: true, createdAt: true },
        orderBy: { createdAt: "desc" },
      }),
    resolveHeld: async (id: string, resolution: "confirmed" | "discarded"): Promise<boolean> => {
      const { count } = await tx.catalogHeldMutation.updateMany({ where: { tenantId, id, resolvedAt: null }, data: { resolvedAt: new Date(), resolution } });
      if (count) changed();
      return count === 1;
    },

    /** A source went away but its entities were kept: they become orphans, owned by nobody. */
    orphanEntitiesOfSource: async (sourceId: string): Promise<number> => {
      const { count } = await tx.catalogEntity.updateMany({ where: { tenantId, sourceId }, data: { sourceId: null, orphanedAt: new Date() } });
      if (count) changed();
      return count;
    },
    orphanIds: async (): Promise<string[]> =>
      (await tx.catalogEntity.findMany({ where: { tenantId, orphanedAt: { not: null } }, select: { id: true } })).map((row) => row.id),
  };
}
