import type { Metadata } from "next";
import Link from "next/link";

import { AuthCard } from "~/components/auth-card";
import { githubEnabled } from "~/env";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  return (
    <AuthCard
      title="Sign in to Greenroom"
      footer={
        <>
          New to Greenroom?{" "}
          <Link href="/signup" className="font-medium text-emerald-700 hover:underline">
            Create an organization
          </Link>
        </>
      }
    >
      <SignInForm callbackUrl={safeCallback(callbackUrl)} githubEnabled={githubEnabled} initialError={error ?? null} />
    </AuthCard>
  );
}

/** Only same-site paths: an open redirect would turn our sign-in page into a phishing tool. */
function safeCallback(callbackUrl: string | undefined): string {
  return callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
}
