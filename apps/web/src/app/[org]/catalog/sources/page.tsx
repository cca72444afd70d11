import type { Metadata } from "next";

import { PageHeader } from "~/components/page-header";
import { serverApi } from "~/trpc/server";

import { SourcesView } from "./sources-view";

export const metadata: Metadata = { title: "Catalog sources" };

export default async function SourcesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const current = await (await serverApi()).organization.get({ orgSlug: org });
  const isAdmin = current.myRole === "OWNER" || current.myRole === "ADMIN";
  return (
    <>
      <PageHeader title="Catalog sources" description="Where entities come from, what went wrong, and what waits for a decision." />
      <SourcesView orgSlug={org} isAdmin={isAdmin} />
    </>
  );
}
