import Link from "next/link";

import { kindLabel } from "./refs";

const SHOWN = ["component", "api", "system", "domain", "resource", "group", "user"];

/** The overview's catalog tiles: how many of each kind, each a link to the filtered table. */
export function CatalogCounts({ slug, total, byKind }: { slug: string; total: number; byKind: { value: string; count: number }[] }) {
  if (total === 0) return null;
  const counts = new Map(byKind.map((row) => [row.value, row.count]));
  const kinds = [...SHOWN.filter((kind) => counts.has(kind)), ...byKind.map((row) => row.value).filter((kind) => !SHOWN.includes(kind))];
  return (
    <section aria-label="Catalog" className="mb-6">
      <div className="mb-2 flex items-baseline justify-between">
        <h2 className="text-sm font-semibold text-slate-900">Catalog</h2>
        <Link href={`/${slug}/catalog`} className="text-sm font-medium text-emerald-700 hover:underline">
          {total.toLocaleString()} entities →
        </Link>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" data-testid="catalog-counts">
        {kinds.map((kind) => (
          <Link key={kind} href={`/${slug}/catalog?kind=${encodeURIComponent(kind)}`} className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 hover:ring-emerald-300">
            <p className="text-2xl font-semibold tabular-nums text-slate-900">{(counts.get(kind) ?? 0).toLocaleString()}</p>
            <p className="text-xs text-slate-500">{kindLabel(kind)}s</p>
          </Link>
        ))}
      </div>
    </section>
  );
}
