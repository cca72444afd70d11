import type { Metadata } from "next";
import Link from "next/link";

import { AuthCard } from "~/components/auth-card";

import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your organization" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string; email?: string }> }) {
  const { invite, email } = await searchParams;
  return (
    <AuthCard
      title={invite ? "Create your account" : "Create your organization"}
      subtitle={invite ? "Then you'll join the organization that invited you." : "Start a 14-day trial. No credit card needed."}
      footer={
        <>
          Already have an account?{" "}
          <Link href={invite ? `/signin?callbackUrl=/invite/${encodeURIComponent(invite)}` : "/signin"} className="font-medium text-emerald-700 hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm inviteToken={invite ?? null} invitedEmail={email ?? null} />
    </AuthCard>
  );
}
