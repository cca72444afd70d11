import type { Metadata } from "next";

import { PageHeader } from "~/components/page-header";

import { BurningView } from "./burning-view";

export const metadata: Metadata = { title: "What is burning" };

export default async function BurningPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader title="What is burning" description="Open incidents and alerting monitors across the organization, grouped by the team that owns them." />
      <BurningView orgSlug={org} />
    </>
  );
}
