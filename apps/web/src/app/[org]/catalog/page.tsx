import Link from "next/link";
import type { Metadata } from "next";
import { Suspense } from "react";

import { CatalogSearchBox } from "~/components/catalog/search-box";
import { PageHeader } from "~/components/page-header";

import { CatalogView } from "./catalog-view";

export const metadata: Metadata = { title: "Catalog" };

export default async function CatalogPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader
        title="Catalog"
        description="Every component, API, system and team your organization has."
        actions={
          <div className="flex items-center gap-2">
            <CatalogSearchBox orgSlug={org} />
            <Link href={`/${org}/catalog/graph`} className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
              Graph
            </Link>
            <Link href={`/${org}/catalog/import`} className="rounded-md bg-emerald-600 px-3 py-2 text-sm font-medium text-white hover:bg-emerald-700">
              Import
            </Link>
          </div>
        }
      />
      <Suspense>
        <CatalogView orgSlug={org} />
      </Suspense>
    </>
  );
}
