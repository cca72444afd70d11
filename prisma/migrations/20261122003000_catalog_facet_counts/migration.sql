-- Facet counts maintained by the catalog write engine (packages/catalog/src/engine/facet-counts.ts).
-- Small (one row per distinct kind/facet/value, plus an all-kinds row '*' per facet/value), so not
-- partitioned.

-- CreateTable
CREATE TABLE "catalog_facet_counts" (
    "tenant_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "catalog_facet_counts_pkey" PRIMARY KEY ("tenant_id","kind","facet","value")
);

ALTER TABLE "catalog_facet_counts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "catalog_facet_counts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "catalog_facet_counts"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE, DELETE ON "catalog_facet_counts" TO greenroom_app;

-- Backfill the counts of catalogs written before this table existed. The owner is bound by FORCE
-- RLS like everyone else, so it visits one tenant at a time with that tenant set.
DO $$
DECLARE tenant uuid;
BEGIN
  FOR tenant IN SELECT id FROM organizations LOOP
    PERFORM set_config('app.tenant_id', tenant::text, true);
    INSERT INTO catalog_facet_counts (tenant_id, kind, facet, value, count)
    SELECT tenant_id, kind, facet, value, count(*)::int FROM (
      SELECT tenant_id, kind, 'kind' AS facet, kind AS value FROM catalog_entities WHERE tenant_id = tenant
      UNION ALL SELECT tenant_id, kind, 'namespace', namespace FROM catalog_entities WHERE tenant_id = tenant
      UNION ALL SELECT tenant_id, kind, 'type', spec_type FROM catalog_entities WHERE tenant_id = tenant AND spec_type IS NOT NULL
      UNION ALL SELECT tenant_id, kind, 'lifecycle', lifecycle FROM catalog_entities WHERE tenant_id = tenant AND lifecycle IS NOT NULL
      UNION ALL SELECT tenant_id, kind, 'owner', owner_ref FROM catalog_entities WHERE tenant_id = tenant AND owner_ref IS NOT NULL
      UNION ALL SELECT tenant_id, kind, 'system', system_ref FROM catalog_entities WHERE tenant_id = tenant AND system_ref IS NOT NULL
      UNION ALL SELECT e.tenant_id, e.kind, 'tag', t.tag FROM catalog_entities e
        JOIN catalog_entity_tags t ON t.tenant_id = e.tenant_id AND t.entity_id = e.id WHERE e.tenant_id = tenant
    ) contributions
    GROUP BY tenant_id, kind, facet, value;
    -- The all-kinds rollup ('*') the unfiltered sidebar reads.
    INSERT INTO catalog_facet_counts (tenant_id, kind, facet, value, count)
    SELECT tenant_id, '*', facet, value, sum(count)::int FROM catalog_facet_counts
    WHERE tenant_id = tenant AND kind <> '*'
    GROUP BY tenant_id, facet, value;
  END LOOP;
  PERFORM set_config('app.tenant_id', '', true);
END $$;
