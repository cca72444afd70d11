import { PageHeader } from "~/components/page-header";

import { GeneralSettings } from "./general-settings";

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return (
    <>
      <PageHeader title="Settings" description="Your organization's name and your membership." />
      <GeneralSettings orgSlug={org} />
    </>
  );
}
