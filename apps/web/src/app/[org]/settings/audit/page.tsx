import type { Metadata } from "next";

import { PageHeader } from "~/components/page-header";

import { AuditLog } from "./audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader title="Audit log" description="Every change to members, roles, invitations and settings: who, what, when and from where." />
      <AuditLog orgSlug={org} />
    </>
  );
}
