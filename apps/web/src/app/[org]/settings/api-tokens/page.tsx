import type { Metadata } from "next";

import { PageHeader } from "~/components/page-header";

import { ApiTokensView } from "./api-tokens-view";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens for scripts and CI: the Backstage-compatible catalog API at <code>/api/catalog</code> and the push API at{" "}
            <code>/api/v1/sources/…</code>.{" "}
            <a className="font-medium text-emerald-700 hover:underline" href="/api/openapi.yaml" target="_blank" rel="noreferrer">
              API reference (OpenAPI)
            </a>
          </>
        }
      />
      <ApiTokensView orgSlug={org} />
    </>
  );
}
