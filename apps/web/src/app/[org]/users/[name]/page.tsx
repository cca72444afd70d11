import { Alert, Card, CardHeader } from "@greenroom/ui";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { OwnedCard } from "~/components/catalog/owned-card";
import { PersonList } from "~/components/catalog/person-list";
import { entityHref } from "~/components/catalog/refs";
import { serverApi } from "~/trpc/server";

type Props = { params: Promise<{ org: string; name: string }>; searchParams: Promise<{ namespace?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function UserPage({ params, searchParams }: Props) {
  const { org, name } = await params;
  const { namespace } = await searchParams;
  const user = await (await serverApi()).catalog.user({ orgSlug: org, user: decodeURIComponent(name), namespace: namespace || "default" }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const label = user.profile.displayName ?? user.title ?? user.name;
  return (
    <div className="space-y-5">
      <div className="flex items-center gap-4">
        <span aria-hidden="true" className="grid h-14 w-14 place-items-center rounded-full bg-emerald-100 text-lg font-semibold text-emerald-800">
          {label.slice(0, 2).toUpperCase()}
        </span>
        <div>
          <p className="text-sm text-slate-500">
            <Link href={`/${org}/catalog?kind=user`} className="hover:text-slate-900">
              People
            </Link>
          </p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{label}</h1>
          <p className="text-sm text-slate-500">
            {user.profile.email ?? user.name}
            {user.exists ? (
              <Link href={entityHref(org, user.ref)} className="ml-2 text-xs font-medium text-emerald-700 hover:underline">
                entity page
              </Link>
            ) : null}
          </p>
        </div>
      </div>
      {user.exists ? null : <Alert tone="amber" title="This person is not in the catalog yet">Entities name {user.ref}; import the User entity to see their teams.</Alert>}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <OwnedCard orgSlug={org} owned={user.owned} ownerRefs={[user.ref, ...user.groups.map((group) => group.ref)]} showOwner />
        <Card>
          <CardHeader title="Teams" description={`${user.groups.length}`} />
          <PersonList orgSlug={org} people={user.groups} empty="Not a member of any team" testId="user-teams" />
        </Card>
      </div>
    </div>
  );
}
