-- The software catalog: sources, entities (+ tags), relations, conflicts, held mutations, API
-- tokens, and the search documents. Partitioned tables: catalog_entities, catalog_entity_tags,
-- catalog_relations and catalog_search.documents (16 HASH partitions each, in tenant_partitions).
-- Search lives in schema catalog_search, out of Prisma's view (tsvector and trigram indexes are
-- beyond its schema language), behind one SECURITY DEFINER function (DESIGN.md tenancy rule 4).

-- CreateEnum
CREATE TYPE "CatalogSourceKind" AS ENUM ('UPLOAD', 'LOCATION', 'PUSH', 'INTEGRATION');

-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'WRITE');

-- CreateTable
CREATE TABLE "catalog_sources" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "CatalogSourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "target" TEXT,
    "deletion_guard_ratio" DOUBLE PRECISION NOT NULL DEFAULT 0.2,
    "last_mutation_at" TIMESTAMPTZ(3),
    "last_errors" JSONB NOT NULL DEFAULT '[]',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_sources_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "catalog_entities" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "description" TEXT,
    "spec_type" TEXT,
    "lifecycle" TEXT,
    "owner_ref" TEXT,
    "system_ref" TEXT,
    "tags" TEXT[],
    "source_id" UUID,
    "content_hash" TEXT NOT NULL,
    "document" JSONB NOT NULL,
    "orphaned_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_entities_pkey" PRIMARY KEY ("tenant_id","id")
) PARTITION BY HASH ("tenant_id");

-- CreateTable
CREATE TABLE "catalog_entity_tags" (
    "tenant_id" UUID NOT NULL,
    "tag" TEXT NOT NULL,
    "entity_id" UUID NOT NULL,

    CONSTRAINT "catalog_entity_tags_pkey" PRIMARY KEY ("tenant_id","tag","entity_id")
) PARTITION BY HASH ("tenant_id");

-- CreateTable
CREATE TABLE "catalog_relations" (
    "tenant_id" UUID NOT NULL,
    "origin_id" UUID NOT NULL,
    "source_ref" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "target_ref" TEXT NOT NULL,

    CONSTRAINT "catalog_relations_pkey" PRIMARY KEY ("tenant_id","origin_id","source_ref","type","target_ref")
) PARTITION BY HASH ("tenant_id");

-- CreateTable
CREATE TABLE "catalog_conflicts" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "ref" TEXT NOT NULL,
    "owner_source_id" UUID NOT NULL,
    "claimant_source_id" UUID NOT NULL,
    "document" JSONB NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalog_conflicts_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "catalog_held_mutations" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "documents" JSONB NOT NULL,
    "would_delete" INTEGER NOT NULL,
    "existing_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),
    "resolution" TEXT,

    CONSTRAINT "catalog_held_mutations_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "display_hint" TEXT NOT NULL,
    "scope" "ApiTokenScope" NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "catalog_sources_tenant_id_name_key" ON "catalog_sources"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "catalog_entities_tenant_id_name_id_idx" ON "catalog_entities"("tenant_id", "name", "id");

-- CreateIndex
CREATE INDEX "catalog_entities_tenant_id_kind_namespace_name_idx" ON "catalog_entities"("tenant_id", "kind", "namespace", "name");

-- CreateIndex
CREATE INDEX "catalog_entities_tenant_id_owner_ref_idx" ON "catalog_entities"("tenant_id", "owner_ref");

-- CreateIndex
CREATE INDEX "catalog_entities_tenant_id_system_ref_idx" ON "catalog_entities"("tenant_id", "system_ref");

-- CreateIndex
CREATE INDEX "catalog_entities_tenant_id_source_id_idx" ON "catalog_entities"("tenant_id", "source_id");

-- CreateIndex
CREATE INDEX "catalog_entities_tenant_id_spec_type_idx" ON "catalog_entities"("tenant_id", "spec_type");

-- CreateIndex
CREATE INDEX "catalog_entities_tenant_id_lifecycle_idx" ON "catalog_entities"("tenant_id", "lifecycle");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_entities_tenant_id_ref_key" ON "catalog_entities"("tenant_id", "ref");

-- CreateIndex
CREATE INDEX "catalog_entity_tags_tenant_id_entity_id_idx" ON "catalog_entity_tags"("tenant_id", "entity_id");

-- CreateIndex
CREATE INDEX "catalog_relations_tenant_id_source_ref_type_idx" ON "catalog_relations"("tenant_id", "source_ref", "type");

-- CreateIndex
CREATE INDEX "catalog_relations_tenant_id_target_ref_type_idx" ON "catalog_relations"("tenant_id", "target_ref", "type");

-- CreateIndex
CREATE UNIQUE INDEX "catalog_conflicts_tenant_id_ref_claimant_source_id_key" ON "catalog_conflicts"("tenant_id", "ref", "claimant_source_id");

-- CreateIndex
CREATE INDEX "catalog_held_mutations_tenant_id_source_id_idx" ON "catalog_held_mutations"("tenant_id", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_tenant_id_token_hash_key" ON "api_tokens"("tenant_id", "token_hash");

-- AddForeignKey
ALTER TABLE "catalog_sources" ADD CONSTRAINT "catalog_sources_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- HASH partitions (16, a power of two so each can later be split) ----
DO $$
DECLARE parent text;
BEGIN
  FOREACH parent IN ARRAY ARRAY['catalog_entities', 'catalog_entity_tags', 'catalog_relations'] LOOP
    FOR remainder IN 0..15 LOOP
      EXECUTE format(
        'CREATE TABLE tenant_partitions.%I PARTITION OF public.%I FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
        parent || '_p' || lpad(remainder::text, 2, '0'), parent, remainder);
    END LOOP;
  END LOOP;
END $$;

-- ---- search: documents + trigram/full-text indexes + the one function the app may call ----
CREATE SCHEMA catalog_search;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA catalog_search;
CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA catalog_search;

CREATE TABLE catalog_search.documents (
  tenant_id uuid NOT NULL,
  entity_id uuid NOT NULL,
  ref text NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  title text,
  description text,
  -- name, title, description, tags and owner, lower-cased: what typo-tolerant matching reads.
  haystack text NOT NULL,
  -- weighted: name/title A, tags/owner B, description C.
  tsv tsvector NOT NULL,
  PRIMARY KEY (tenant_id, entity_id)
) PARTITION BY HASH (tenant_id);

DO $$
BEGIN
  FOR remainder IN 0..15 LOOP
    EXECUTE format(
      'CREATE TABLE tenant_partitions.%I PARTITION OF catalog_search.documents FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
      'search_documents_p' || lpad(remainder::text, 2, '0'), remainder);
  END LOOP;
END $$;

CREATE INDEX search_documents_trgm ON catalog_search.documents
  USING gin (tenant_id, haystack catalog_search.gin_trgm_ops);
CREATE INDEX search_documents_name_trgm ON catalog_search.documents
  USING gin (tenant_id, lower(name) catalog_search.gin_trgm_ops);
CREATE INDEX search_documents_tsv ON catalog_search.documents USING gin (tenant_id, tsv);

-- Under RLS Postgres cannot use these GIN indexes (the operators are not leakproof), so search
-- runs as greenroom_search (BYPASSRLS) and applies the tenant predicate itself. It reads the
-- tenant only from the transaction's app.tenant_id: no argument can steer it to another tenant,
-- and with no tenant set it returns nothing.
CREATE FUNCTION catalog_search.search(query text, max_results integer DEFAULT 20)
RETURNS TABLE (entity_id uuid, ref text, kind text, name text, title text, description text, score real)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = catalog_search, pg_catalog, pg_temp
SET pg_trgm.word_similarity_threshold = 0.4
SET pg_trgm.similarity_threshold = 0.3
AS $fn$
  WITH input AS (
    SELECT public.app_current_tenant() AS tenant,
           lower(left(btrim(query), 200)) AS text,
           websearch_to_tsquery('simple', left(query, 200)) AS ts
  )
  SELECT d.entity_id, d.ref, d.kind, d.name, d.title, d.description,
         (  CASE WHEN lower(d.name) = input.text THEN 2 ELSE 0 END
          + CASE WHEN lower(d.name) LIKE input.text || '%' THEN 0.5 ELSE 0 END
          + similarity(lower(d.name), input.text)
          + word_similarity(input.text, d.haystack)
          + ts_rank(d.tsv, input.ts))::real AS score
  FROM documents d, input
  WHERE input.tenant IS NOT NULL
    AND length(input.text) > 0
    AND d.tenant_id = input.tenant
    AND (input.text <% d.haystack OR lower(d.name) % input.text OR d.tsv @@ input.ts)
  ORDER BY score DESC, d.name
  LIMIT least(greatest(max_results, 1), 50)
$fn$;

-- CREATE: a function's new owner must be able to create in its schema.
GRANT USAGE, CREATE ON SCHEMA catalog_search TO greenroom_search;
GRANT SELECT ON catalog_search.documents TO greenroom_search;
ALTER FUNCTION catalog_search.search(text, integer) OWNER TO greenroom_search;
REVOKE ALL ON FUNCTION catalog_search.search(text, integer) FROM PUBLIC;

-- ---- row-level security on every new tenant table and partition ----
DO $$
DECLARE target record;
BEGIN
  FOR target IN
    SELECT n.nspname AS schema_name, c.relname AS table_name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND ((n.nspname = 'public' AND c.relname IN ('catalog_sources', 'catalog_entities', 'catalog_entity_tags',
              'catalog_relations', 'catalog_conflicts', 'catalog_held_mutations', 'api_tokens'))
        OR (n.nspname = 'catalog_search' AND c.relname = 'documents')
        OR (n.nspname = 'tenant_partitions' AND c.relname ~ '^(catalog_|search_documents_)'))
  LOOP
    EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', target.schema_name, target.table_name);
    EXECUTE format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', target.schema_name, target.table_name);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I.%I USING (tenant_id = public.app_current_tenant()) WITH CHECK (tenant_id = public.app_current_tenant())', target.schema_name, target.table_name);
  END LOOP;
END $$;

-- ---- grants: DML for the app role; search documents are written by the app, read via search() ----
GRANT SELECT, INSERT, UPDATE, DELETE ON "catalog_sources", "catalog_entities", "catalog_entity_tags",
  "catalog_relations", "catalog_conflicts", "catalog_held_mutations", "api_tokens" TO greenroom_app;
GRANT USAGE ON SCHEMA catalog_search TO greenroom_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog_search.documents TO greenroom_app;
GRANT EXECUTE ON FUNCTION catalog_search.search(text, integer) TO greenroom_app;
