import type { Metadata } from "next";

import { PageHeader } from "~/components/page-header";

import { BillingView } from "./billing-view";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader title="Billing" description="Your plan, seats and invoices. Payments are handled by Stripe." />
      <BillingView orgSlug={org} />
    </>
  );
}
