import { Alert, Card, CardHeader } from "@greenroom/ui";
import Link from "next/link";

import { CatalogCounts } from "~/components/catalog/catalog-counts";
import { PageHeader } from "~/components/page-header";
import { serverApi } from "~/trpc/server";

export default async function OrgHomePage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const api = await serverApi();
  const [org, catalog] = await Promise.all([api.organization.get({ orgSlug: slug }), api.catalog.stats({ orgSlug: slug })]);
  const steps = [
    { done: true, title: "Create your organization", detail: "Done. Welcome aboard." },
    {
      done: org.memberCount > 1,
      title: "Invite your teammates",
      detail: `${org.memberCount} member${org.memberCount === 1 ? "" : "s"} so far.`,
      href: `/${slug}/settings/members`,
    },
    { done: false, title: "Connect GitHub", detail: "Import repositories, teams and people. Coming soon." },
    {
      done: catalog.total > 0,
      title: "Import your catalog-info.yaml files",
      detail: catalog.total > 0 ? `${catalog.total.toLocaleString()} entities from ${catalog.sourceCount} source${catalog.sourceCount === 1 ? "" : "s"}.` : "Keep the files you wrote for Backstage: paste, upload or register their URL.",
      href: `/${slug}/catalog/import`,
    },
  ];
  return (
    <>
      <PageHeader title={org.name} description="Your developer portal." />
      {org.trialDaysLeft !== null ? (
        <div className="mb-6">
          <Alert tone="sky" title={`${org.trialDaysLeft} day${org.trialDaysLeft === 1 ? "" : "s"} left in your trial`}>
            Every feature is on during the trial.
          </Alert>
        </div>
      ) : null}
      <CatalogCounts slug={slug} total={catalog.total} byKind={catalog.byKind} />
      <Card>
        <CardHeader title="Get started" description="A few steps to a portal that keeps itself up to date." />
        <ol className="divide-y divide-slate-100">
          {steps.map((step) => (
            <li key={step.title} className="flex items-start gap-3 px-5 py-4">
              <span
                aria-label={step.done ? "done" : "to do"}
                className={`mt-0.5 grid h-5 w-5 shrink-0 place-items-center rounded-full text-xs ${step.done ? "bg-emerald-600 text-white" : "ring-1 ring-slate-300 text-transparent"}`}
              >
                ✓
              </span>
              <div>
                {step.href ? (
                  <Link href={step.href} className="text-sm font-medium text-slate-900 hover:text-emerald-700">
                    {step.title}
                  </Link>
                ) : (
                  <p className="text-sm font-medium text-slate-900">{step.title}</p>
                )}
                <p className="text-sm text-slate-500">{step.detail}</p>
              </div>
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
