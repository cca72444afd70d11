"use client";

import { cn } from "@greenroom/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import type { ReactNode } from "react";

import { Logo } from "./logo";
import { OrgSwitcher } from "./org-switcher";

type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";
type Org = { slug: string; name: string; role: Role };

function navFor(org: Org) {
  const admin = org.role === "OWNER" || org.role === "ADMIN";
  return [
    { href: `/${org.slug}`, label: "Overview", exact: true },
    { href: `/${org.slug}/settings`, label: "Settings", exact: true },
    { href: `/${org.slug}/settings/members`, label: "Members", exact: false },
    ...(admin ? [{ href: `/${org.slug}/settings/audit`, label: "Audit log", exact: false }] : []),
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
        <main className="mx-auto max-w-5xl px-8 py-8">{children}</main>
      </div>
    </div>
  );
}
