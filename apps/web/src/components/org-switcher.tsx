"use client";

import { useRouter } from "next/navigation";

type Org = { slug: string; name: string };

/** A native select: keyboard- and screen-reader-friendly for free. */
export function OrgSwitcher({ current, organizations }: { current: Org; organizations: Org[] }) {
  const router = useRouter();
  return (
    <label className="block">
      <span className="sr-only">Organization</span>
      <select
        aria-label="Switch organization"
        value={current.slug}
        onChange={(event) => router.push(event.target.value === "__new" ? "/orgs/new" : `/${event.target.value}`)}
        className="block w-full rounded-md border-0 bg-slate-50 px-3 py-2 text-sm font-medium text-slate-900 ring-1 ring-inset ring-slate-200 focus:ring-2 focus:ring-emerald-600"
      >
        {organizations.map((org) => (
          <option key={org.slug} value={org.slug}>
            {org.name}
          </option>
        ))}
        <option value="__new">+ New organization…</option>
      </select>
    </label>
  );
}
