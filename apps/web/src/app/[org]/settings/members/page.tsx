import type { Metadata } from "next";

import { PageHeader } from "~/components/page-header";

import { MembersView } from "./members-view";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader title="Members" description="Who can see and change this organization's portal." />
      <MembersView orgSlug={org} />
    </>
  );
}
