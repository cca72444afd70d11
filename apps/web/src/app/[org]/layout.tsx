import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";

import { AppShell } from "~/components/app-shell";
import { BillingBanner } from "~/components/billing-banner";
import { currentUser } from "~/server/auth";
import { serverApi } from "~/trpc/server";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/${slug}`)}`);
  const api = await serverApi();
  const [org, me] = await Promise.all([
    api.organization.get({ orgSlug: slug }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    api.account.me(),
  ]);
  return (
    <AppShell org={{ slug: org.slug, name: org.name, role: org.myRole }} organizations={me.organizations} user={me.user}>
      <BillingBanner orgSlug={org.slug} usage={org.usage} isOwner={org.myRole === "OWNER"} />
      {children}
    </AppShell>
  );
}
