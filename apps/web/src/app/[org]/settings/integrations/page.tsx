import type { Metadata } from "next";

import { PageHeader } from "~/components/page-header";

import { IntegrationsView } from "./integrations-view";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Connect GitHub and the catalog fills itself: repositories become components, teams become groups, members become users. Connect PagerDuty and Datadog and every entity shows who is on call, open incidents, monitors and SLOs. Kept fresh by webhooks and a schedule."
      />
      <IntegrationsView orgSlug={org} />
    </>
  );
}
