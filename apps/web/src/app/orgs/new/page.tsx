import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { AuthCard } from "~/components/auth-card";
import { currentUser } from "~/server/auth";

import { NewOrganizationForm } from "./new-organization-form";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  if (!(await currentUser())) redirect("/signin?callbackUrl=/orgs/new");
  return (
    <AuthCard title="Create an organization" subtitle="You will be its owner. It starts with a 14-day trial.">
      <NewOrganizationForm />
    </AuthCard>
  );
}
