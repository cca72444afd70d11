import type { Metadata } from "next";

import { currentUser } from "~/server/auth";

import { InvitationView } from "./invitation-view";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  return <InvitationView token={decodeURIComponent(token)} signedInAs={user?.email ?? null} />;
}
