-- Integrations (packages/connectors): one row per upstream connection, secrets as one
-- AES-256-GCM envelope, and the sync run log (HASH-partitioned by tenant, 16 partitions in
-- tenant_partitions, like the catalog tables). RLS forced on every table and partition.

-- CreateEnum
CREATE TYPE "IntegrationKind" AS ENUM ('GITHUB', 'PAGERDUTY', 'DATADOG');

-- CreateEnum
CREATE TYPE "IntegrationStatus" AS ENUM ('ACTIVE', 'PAUSED', 'ERROR');

-- CreateTable
CREATE TABLE "integrations" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "IntegrationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secrets_ciphertext" TEXT NOT NULL,
    "secrets_key_id" TEXT NOT NULL,
    "interval_minutes" INTEGER NOT NULL DEFAULT 60,
    "status" "IntegrationStatus" NOT NULL DEFAULT 'ACTIVE',
    "status_message" TEXT,
    "last_sync_at" TIMESTAMPTZ(3),
    "last_sync_status" TEXT,
    "last_run_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "integrations_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "integration_sync_runs" (
    "tenant_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "integration_id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "phase" TEXT,
    "checkpoint" JSONB NOT NULL DEFAULT '{}',
    "progress" JSONB NOT NULL DEFAULT '{}',
    "requests" INTEGER NOT NULL DEFAULT 0,
    "rate_limit_used" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "message" TEXT,
    "delayed_until" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "integration_sync_runs_pkey" PRIMARY KEY ("tenant_id","id")
) PARTITION BY HASH ("tenant_id");

-- CreateIndex
CREATE INDEX "integrations_tenant_id_secrets_key_id_idx" ON "integrations"("tenant_id", "secrets_key_id");

-- CreateIndex
CREATE UNIQUE INDEX "integrations_tenant_id_name_key" ON "integrations"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "integration_sync_runs_tenant_id_integration_id_created_at_idx" ON "integration_sync_runs"("tenant_id", "integration_id", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "integrations" ADD CONSTRAINT "integrations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_sync_runs" ADD CONSTRAINT "integration_sync_runs_tenant_id_integration_id_fkey" FOREIGN KEY ("tenant_id", "integration_id") REFERENCES "integrations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- HASH partitions of the run log (16, as for the catalog tables) ----
DO $$
BEGIN
  FOR remainder IN 0..15 LOOP
    EXECUTE format(
      'CREATE TABLE tenant_partitions.%I PARTITION OF public.integration_sync_runs FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
      'integration_sync_runs_p' || lpad(remainder::text, 2, '0'), remainder);
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
      AND ((n.nspname = 'public' AND c.relname IN ('integrations', 'integration_sync_runs'))
        OR (n.nspname = 'tenant_partitions' AND c.relname ~ '^integration_sync_runs_p'))
  LOOP
    EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', target.schema_name, target.table_name);
    EXECUTE format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY', target.schema_name, target.table_name);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I.%I USING (tenant_id = public.app_current_tenant()) WITH CHECK (tenant_id = public.app_current_tenant())', target.schema_name, target.table_name);
  END LOOP;
END $$;

-- ---- grants ----
GRANT SELECT, INSERT, UPDATE, DELETE ON "integrations", "integration_sync_runs" TO greenroom_app;
