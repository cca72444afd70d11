import type { Metadata } from "next";

import { PageHeader } from "~/components/page-header";

import { ImportView } from "./import-view";

export const metadata: Metadata = { title: "Import catalog" };

export default async function ImportPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader title="Import catalog-info.yaml" description="Keep the files you wrote for Backstage: paste them, upload them, or register their URL." />
      <ImportView orgSlug={org} />
    </>
  );
}
