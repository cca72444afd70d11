import Link from "next/link";
import { redirect } from "next/navigation";

import { Logo } from "~/components/logo";
import { serverApi } from "~/trpc/server";
import { currentUser } from "~/server/auth";

export default async function HomePage() {
  if (await currentUser()) {
    const me = await (await serverApi()).account.me();
    const first = me.organizations[0];
    redirect(first ? `/${first.slug}` : "/orgs/new");
  }
  return (
    <main className="mx-auto flex min-h-screen max-w-5xl flex-col px-6">
      <header className="flex items-center justify-between py-6">
        <Logo />
        <nav className="flex items-center gap-3 text-sm">
          <Link href="/signin" className="font-medium text-slate-700 hover:text-slate-900">
            Sign in
          </Link>
          <Link href="/signup" className="rounded-md bg-emerald-600 px-3.5 py-2 font-medium text-white hover:bg-emerald-700">
            Start free trial
          </Link>
        </nav>
      </header>
      <section className="flex flex-1 flex-col justify-center pb-24">
        <h1 className="max-w-2xl text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
          The developer portal that keeps itself up to date.
        </h1>
        <p className="mt-4 max-w-xl text-lg text-slate-600">
          Your software catalog, teams, on-call and health signals in one place, synced from GitHub, PagerDuty and
          Datadog. No platform team needed to host it.
        </p>
        <div className="mt-8 flex gap-3">
          <Link href="/signup" className="rounded-md bg-emerald-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-emerald-700">
            Create your organization
          </Link>
          <Link href="/signin" className="rounded-md px-4 py-2.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-white">
            Sign in
          </Link>
        </div>
        <p className="mt-4 text-sm text-slate-500">14-day trial · no credit card</p>
      </section>
    </main>
  );
}
