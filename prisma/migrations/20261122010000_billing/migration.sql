-- Billing: the org's Stripe state on the tenant registry row, and the tenant-owned log of
-- applied Stripe webhook events (the webhook's idempotency key). See packages/billing.

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "billing_synced_at" TIMESTAMPTZ(3),
ADD COLUMN     "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "current_period_end" TIMESTAMPTZ(3),
ADD COLUMN     "grace_until" TIMESTAMPTZ(3),
ADD COLUMN     "seats" INTEGER,
ADD COLUMN     "stripe_customer_id" TEXT,
ADD COLUMN     "stripe_subscription_id" TEXT,
ADD COLUMN     "subscription_status" TEXT;

-- CreateTable
CREATE TABLE "billing_events" (
    "tenant_id" UUID NOT NULL,
    "stripe_event_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billing_events_pkey" PRIMARY KEY ("tenant_id","stripe_event_id")
);

-- CreateIndex
CREATE INDEX "billing_events_tenant_id_received_at_idx" ON "billing_events"("tenant_id", "received_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_stripe_customer_id_key" ON "organizations"("stripe_customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_stripe_subscription_id_key" ON "organizations"("stripe_subscription_id");

-- AddForeignKey
ALTER TABLE "billing_events" ADD CONSTRAINT "billing_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, forced: billing history is the tenant's own.
ALTER TABLE "billing_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "billing_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "billing_events"
  USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

-- Append-only for the app: an applied event is never edited or forgotten (that would let a
-- replay apply it twice).
GRANT SELECT, INSERT ON "billing_events" TO greenroom_app;
