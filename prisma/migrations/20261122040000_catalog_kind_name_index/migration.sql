-- The catalog table filtered by kind and sorted by name (its default view) walks this index in
-- order and stops after a page; (tenant_id, kind, namespace, name) made it sort every match.
-- Lookups by kind/namespace/name go through the unique ref index.

-- DropIndex
DROP INDEX "catalog_entities_tenant_id_kind_namespace_name_idx";

-- CreateIndex
CREATE INDEX "catalog_entities_tenant_id_kind_name_id_idx" ON "catalog_entities"("tenant_id", "kind", "name", "id");
