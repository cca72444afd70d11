import type { Metadata } from "next";
import { Suspense } from "react";

import { PageHeader } from "~/components/page-header";

import { SystemGraphView } from "./system-graph-view";

export const metadata: Metadata = { title: "Architecture graph" };

export default async function SystemGraphPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader title="Architecture" description="Domains, systems and what they are made of. Scroll to zoom, drag to pan, click to open." />
      <Suspense>
        <SystemGraphView orgSlug={org} />
      </Suspense>
    </>
  );
}
