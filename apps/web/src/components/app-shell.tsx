"use client";

import { cn } from "@greenroom/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import type { ReactNode } from "react";

import { CommandPalette, OPEN_SEARCH_EVENT } from "./catalog/command-palette";
import { Logo } from "./logo";
import { OrgSwitcher } from "./org-switcher";

type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
type Org = { slug: string; name: string; role: Role };

function navFor(org: Org) {
  const admin = org.role === "OWNER" || org.role === "ADMIN";
  return [
    { href: `/${org.slug}`, label: "Overview", exact: true },
    { href: `/${org.slug}/catalog`, label: "Catalog", exact: true },
    { href: `/${org.slug}/catalog/graph`, label: "Graph", exact: false },
    { href: `/${org.slug}/burning`, label: "Burning", exact: false },
    ...(org.role !== "VIEWER" ? [{ href: `/${org.slug}/catalog/import`, label: "Import", exact: false }] : []),
    ...(admin ? [{ href: `/${org.slug}/catalog/sources`, label: "Sources", exact: false }] : []),
    { href: `/${org.slug}/settings`, label: "Settings", exact: true },
    { href: `/${org.slug}/settings/members`, label: "Members", exact: false },
    ...(admin ? [{ href: `/${org.slug}/settings/audit`, label: "Audit log", exact: false }] : []),
    ...(admin ? [{ href: `/${org.slug}/settings/api-tokens`, label: "API tokens", exact: false }] : []),
    ...(admin ? [{ href: `/${org.slug}/settings/integrations`, label: "Integrations", exact: false }] : []),
    ...(org.role === "OWNER" ? [{ href: `/${org.slug}/settings/billing`, label: "Billing", exact: false }] : []),
  ];
}

export function AppShell({
  org,
  organizations,
  user,
  children,
}: {
  org: Org;
  organizations: { slug: string; name: string; role: Role }[];
  user: { name: string; email: string };
  children: ReactNode;
}) {
  const pathname = usePathname();
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="px-4 py-4">
          <Logo href={`/${org.slug}`} />
        </div>
        <div className="px-3">
          <OrgSwitcher current={org} organizations={organizations} />
        </div>
        <div className="mt-3 px-3">
          <button
            type="button"
            onClick={() => window.dispatchEvent(new Event(OPEN_SEARCH_EVENT))}
            className="flex w-full items-center justify-between rounded-md px-3 py-2 text-sm text-slate-500 ring-1 ring-inset ring-slate-200 hover:bg-slate-50"
          >
            Search…
            <kbd className="rounded bg-slate-100 px-1.5 py-0.5 text-[10px] font-medium text-slate-500">⌘K</kbd>
          </button>
        </div>
        <nav className="mt-4 flex-1 space-y-0.5 px-3" aria-label="Main">
          {navFor(org).map((item) => {
            const active = item.exact ? pathname === item.href : pathname.startsWith(item.href);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm font-medium",
                  active ? "bg-emerald-50 text-emerald-800" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        <div className="border-t border-slate-200 px-4 py-3">
          <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
          <p className="truncate text-xs text-slate-500">{user.email}</p>
          <button type="button" onClick={() => void signOut({ callbackUrl: "/signin" })} className="mt-2 text-xs font-medium text-slate-600 hover:text-slate-900">
            Sign out
          </button>
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        {/* Catalog, team and user pages hold wide tables and graphs. */}
        <main className={cn("mx-auto px-8 py-8", /^\/[^/]+\/(catalog|teams|users)(\/|$)/.test(pathname) ? "max-w-[1400px]" : "max-w-5xl")}>{children}</main>
        <CommandPalette orgSlug={org.slug} />
      </div>
    </div>
  );
}
