-- Operational data from PagerDuty and Datadog (packages/connectors): one row per upstream
-- object (service, on-call shift, incident, monitor, SLO...), normalised, with the link keys
-- that tie it to catalog entities resolved at read time. HASH-partitioned by tenant (16
-- partitions in tenant_partitions): a tenant can hold 20,000 monitors. Admin-confirmed
-- mappings from an upstream object to a catalog entity live beside them. RLS forced everywhere.

-- CreateTable
CREATE TABLE "ops_records" (
    "tenant_id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "links" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "state" TEXT,
    "url" TEXT,
    "occurred_at" TIMESTAMPTZ(3),
    "data" JSONB NOT NULL DEFAULT '{}',
    "content_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ops_records_pkey" PRIMARY KEY ("tenant_id","integration_id","type","external_id")
) PARTITION BY HASH ("tenant_id");

-- CreateTable
CREATE TABLE "ops_entity_mappings" (
    "tenant_id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "link_key" TEXT NOT NULL,
    "entity_ref" TEXT NOT NULL,
    "confirmed_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ops_entity_mappings_pkey" PRIMARY KEY ("tenant_id","integration_id","link_key")
);

-- CreateIndex
CREATE INDEX "ops_records_tenant_id_type_state_idx" ON "ops_records"("tenant_id", "type", "state");

-- CreateIndex
-- btree_gin (installed with the catalog) lets the GIN index lead with tenant_id like every other.
CREATE INDEX "ops_records_tenant_id_links_idx" ON "ops_records" USING GIN ("tenant_id", "links");

-- CreateIndex
CREATE INDEX "ops_entity_mappings_tenant_id_entity_ref_idx" ON "ops_entity_mappings"("tenant_id", "entity_ref");

-- AddForeignKey
ALTER TABLE "ops_records" ADD CONSTRAINT "ops_records_tenant_id_integration_id_fkey" FOREIGN KEY ("tenant_id", "integration_id") REFERENCES "integrations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ops_entity_mappings" ADD CONSTRAINT "ops_entity_mappings_tenant_id_integration_id_fkey" FOREIGN KEY ("tenant_id", "integration_id") REFERENCES "integrations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- HASH partitions of the records (16, as for the catalog tables) ----
DO $$
BEGIN
  FOR remainder IN 0..15 LOOP
    EXECUTE format(
      'CREATE TABLE tenant_partitions.%I PARTITION OF public.ops_records FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
      'ops_records_p' || lpad(remainder::text, 2, '0'), remainder);
  END LOOP;
END $$;

-- ---- row-level security, forced, on the tables and every partition ----
DO $$
DECLARE target record;
BEGIN
  FOR target IN
    SELECT n.nspname AS schema_name, c.relname AS table_name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND ((n.nspname = 'public' AND c.relname IN ('ops_records', 'ops_entity_mappings'))
        OR (n.nspname = 'tenant_partitions' AND c.relname ~ '^ops_records_p'))
  LOOP
    EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', target.schema_name, target.table_name);
    EXECUTE format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', target.schema_name, target.table_name);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I.%I USING (tenant_id = public.app_current_tenant()) WITH CHECK (tenant_id = public.app_current_tenant())', target.schema_name, target.table_name);
  END LOOP;
END $$;

-- ---- grants ----
GRANT SELECT, INSERT, UPDATE, DELETE ON "ops_records", "ops_entity_mappings" TO greenroom_app;
