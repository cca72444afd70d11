import { Alert, Badge, Card, CardHeader } from "@greenroom/ui";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { OwnedCard } from "~/components/catalog/owned-card";
import { PersonList } from "~/components/catalog/person-list";
import { entityHref, ownerHref } from "~/components/catalog/refs";
import { TeamOnCallPanel } from "~/components/operations/team-on-call-panel";
import { serverApi } from "~/trpc/server";

type Props = { params: Promise<{ org: string; name: string }>; searchParams: Promise<{ namespace?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function TeamPage({ params, searchParams }: Props) {
  const { org, name } = await params;
  const { namespace } = await searchParams;
  const team = await (await serverApi()).catalog.team({ orgSlug: org, team: decodeURIComponent(name), namespace: namespace || "default" }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const label = team.profile.displayName ?? team.title ?? team.name;
  return (
    <div className="space-y-5">
      <div>
        <p className="mb-1 text-sm text-slate-500">
          <Link href={`/${org}/catalog?kind=group`} className="hover:text-slate-900">
            Teams
          </Link>
          {team.parent ? (
            <>
              <span className="mx-1.5">/</span>
              <Link href={ownerHref(org, team.parent.ref)} className="hover:text-slate-900">
                {team.parent.profile.displayName ?? team.parent.title ?? team.parent.name}
              </Link>
            </>
          ) : null}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{label}</h1>
          <Badge>{team.type ?? "group"}</Badge>
          {team.exists ? (
            <Link href={entityHref(org, team.ref)} className="text-xs font-medium text-emerald-700 hover:underline">
              entity page
            </Link>
          ) : null}
        </div>
        {team.description ? <p className="mt-1 text-sm text-slate-600">{team.description}</p> : null}
        {team.profile.email ? <p className="mt-1 text-sm text-slate-500">{team.profile.email}</p> : null}
      </div>
      {team.exists ? null : (
        <Alert tone="amber" title="This team is not in the catalog yet">
          Entities name {team.ref} as their owner. Import its Group entity (or connect GitHub teams) to see its members.
        </Alert>
      )}
      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <OwnedCard orgSlug={org} owned={team.owned} ownerRefs={[team.ref]} />
        <div className="space-y-5">
          <TeamOnCallPanel orgSlug={org} namespace={team.namespace ?? "default"} name={team.name} />
          <Card>
            <CardHeader title="Members" description={`${team.members.length}`} />
            <PersonList orgSlug={org} people={team.members} empty="No members listed" testId="team-members" />
          </Card>
          <Card>
            <CardHeader title="Parent team" />
            <PersonList orgSlug={org} people={team.parent ? [team.parent] : []} empty="None: a top-level team" />
          </Card>
          <Card>
            <CardHeader title="Child teams" description={`${team.children.length}`} />
            <PersonList orgSlug={org} people={team.children} empty="No child teams" />
          </Card>
        </div>
      </div>
    </div>
  );
}
