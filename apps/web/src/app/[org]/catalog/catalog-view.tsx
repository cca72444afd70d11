"use client";

import { Alert, Button, Card, EmptyState, Skeleton } from "@greenroom/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";

import { replaceQuery } from "~/components/catalog/replace-query";
import { useTRPC } from "~/trpc/react";

import { readParams, toggleValue, type FilterKey, type SortField } from "./catalog-params";
import { EntityTable } from "./entity-table";
import { FacetSidebar } from "./facet-sidebar";

const PAGE_SIZE = 50;

export function CatalogView({ orgSlug }: { orgSlug: string }) {
  const params = useSearchParams();
  // A new filter or sort starts again at page one: the keyset cursors belong to the old one.
  return <CatalogResults key={params.toString()} orgSlug={orgSlug} params={new URLSearchParams(params.toString())} />;
}

function CatalogResults({ orgSlug, params }: { orgSlug: string; params: URLSearchParams }) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const { filters, sort } = readParams(params);
  // Cursors of the pages before this one, so "Previous" is a lookup, not a query backwards.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);

  const list = useQuery(trpc.catalog.list.queryOptions({ orgSlug, filters, sort, cursor, limit: PAGE_SIZE }, { placeholderData: keepPreviousData }));
  const facets = useQuery(trpc.catalog.facets.queryOptions({ orgSlug, filters }, { placeholderData: keepPreviousData }));
  // Problem badges for the rows on screen, fetched beside the page so the table never waits on them.
  const pageRefs = list.data?.items.map((item) => item.ref) ?? [];
  const badges = useQuery({ ...trpc.operations.badges.queryOptions({ orgSlug, refs: pageRefs }, { placeholderData: keepPreviousData }), enabled: pageRefs.length > 0 });

  const navigate = (next: URLSearchParams) => replaceQuery(pathname, next);
  const onToggle = (key: FilterKey, value: string) => navigate(toggleValue(params, key, value));
  const onSort = (field: SortField) => {
    const next = new URLSearchParams(params);
    const order = sort.field === field && sort.order === "asc" ? "desc" : "asc";
    next.set("sort", field);
    next.set("order", order);
    navigate(next);
  };
  const activeCount = Object.values(filters).reduce((sum, values) => sum + values.length, 0);
  const page = cursors.length;
  const first = page * PAGE_SIZE + 1;

  return (
    <div className="flex items-start gap-6">
      <FacetSidebar facets={facets.data} loading={facets.isPending} error={facets.error?.message} filters={filters} onToggle={onToggle} onClear={activeCount ? () => navigate(new URLSearchParams()) : undefined} />
      <div className="min-w-0 flex-1">
        <Card>
          <div className="flex items-center justify-between gap-3 border-b border-slate-100 px-4 py-3 text-sm">
            <p className="text-slate-600" aria-live="polite" data-testid="catalog-total">
              {list.data ? (
                list.data.total === 0 ? (
                  "No entities"
                ) : (
                  <>
                    <span className="font-medium text-slate-900">
                      {first.toLocaleString()}–{(first + list.data.items.length - 1).toLocaleString()}
                    </span>{" "}
                    of {list.data.total.toLocaleString()}
                    {list.data.totalIsLowerBound ? "+" : ""} entit{list.data.total === 1 ? "y" : "ies"}
                    {activeCount ? " matching the filters" : ""}
                  </>
                )
              ) : (
                " "
              )}
            </p>
            <div className="flex items-center gap-2">
              <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => setCursors((stack) => stack.slice(0, -1))}>
                ← Previous
              </Button>
              <Button
                variant="secondary"
                size="sm"
                disabled={!list.data?.nextCursor || list.isPlaceholderData}
                onClick={() => list.data?.nextCursor && setCursors((stack) => [...stack, list.data.nextCursor!])}
              >
                Next →
              </Button>
            </div>
          </div>
          {list.isPending ? (
            <div className="space-y-2 p-4">
              {Array.from({ length: 8 }, (_, i) => (
                <Skeleton key={i} className="h-8 w-full" />
              ))}
            </div>
          ) : list.error ? (
            <div className="p-4">
              <Alert title="The catalog could not be loaded">{list.error.message}</Alert>
            </div>
          ) : list.data.items.length === 0 ? (
            activeCount ? (
              <EmptyState title="Nothing matches these filters" description="Remove a filter to see more." action={<Button variant="secondary" onClick={() => navigate(new URLSearchParams())}>Clear filters</Button>} />
            ) : (
              <EmptyState
                title="Your catalog is empty"
                description="Import the catalog-info.yaml files you already have, or connect GitHub to discover them."
                action={
                  <Link href={`/${orgSlug}/catalog/import`} className="rounded-md bg-emerald-600 px-3 py-2 text-sm font-medium text-white hover:bg-emerald-700">
                    Import catalog-info.yaml
                  </Link>
                }
              />
            )
          ) : (
            <div className={list.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
              <EntityTable orgSlug={orgSlug} items={list.data.items} sort={sort} onSort={onSort} badges={badges.data} />
            </div>
          )}
        </Card>
      </div>
    </div>
  );
}
