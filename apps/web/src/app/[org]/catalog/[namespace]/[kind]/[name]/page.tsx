import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { serverApi } from "~/trpc/server";

import { EntityView } from "./entity-view";

type Params = { org: string; namespace: string; kind: string; name: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { name } = await params;
  return { title: decodeURIComponent(name) };
}

export default async function EntityPage({ params }: { params: Promise<Params> }) {
  const { org, namespace, kind, name } = await params;
  const entity = await (await serverApi()).catalog
    .entity({ orgSlug: org, kind: decodeURIComponent(kind), namespace: decodeURIComponent(namespace), name: decodeURIComponent(name) })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  return <EntityView orgSlug={org} entity={entity} />;
}
