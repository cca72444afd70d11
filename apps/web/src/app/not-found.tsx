import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold text-emerald-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">We couldn&apos;t find that page</h1>
      <p className="mt-2 text-sm text-slate-600">
        It may not exist, or you may not have access to it. If a teammate sent you this link, ask them to invite you.
      </p>
      <Link href="/" className="mt-6 text-sm font-medium text-emerald-700 hover:underline">
        Go to your organizations
      </Link>
    </main>
  );
}
