"use client";

import { PASSWORD_MIN_LENGTH, suggestSlug } from "@greenroom/accounts/schemas";
import { Alert, Button, Field, Input } from "@greenroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

import { fieldError, formError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

const FIELDS = ["name", "email", "password", "organization.name", "organization.slug"];

export function SignUpForm({ inviteToken, invitedEmail }: { inviteToken: string | null; invitedEmail: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [orgName, setOrgName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const error = signUp.error ?? accept.error;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setSignInError(null);
    const result = await signUp
      .mutateAsync({
        name: String(form.get("name") ?? ""),
        email,
        password,
        organization: inviteToken ? undefined : { name: orgName, slug },
      })
      .catch(() => null);
    if (!result) return;
    const session = await signIn("credentials", { email, password, redirect: false });
    if (!session || session.error) {
      setSignInError("Your account was created, but signing in failed. Sign in to continue.");
      return;
    }
    if (inviteToken) {
      const joined = await accept.mutateAsync({ token: inviteToken }).catch(() => null);
      if (!joined) return;
      router.push(`/${joined.slug}`);
    } else {
      router.push(`/${result.organization?.slug ?? ""}`);
    }
    router.refresh();
  }

  const message = signInError ?? formError(error, FIELDS);
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {message ? <Alert>{message}</Alert> : null}
      <Field id="name" label="Your name" error={fieldError(error, "name")}>
        <Input id="name" name="name" autoComplete="name" required autoFocus aria-invalid={Boolean(fieldError(error, "name"))} />
      </Field>
      <Field id="email" label="Work email" error={fieldError(error, "email")}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={invitedEmail ?? undefined}
          aria-invalid={Boolean(fieldError(error, "email"))}
        />
      </Field>
      <Field id="password" label="Password" hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase works well.`} error={fieldError(error, "password")}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required aria-invalid={Boolean(fieldError(error, "password"))} />
      </Field>
      {inviteToken ? null : (
        <>
          <Field id="org-name" label="Organization name" error={fieldError(error, "organization.name")}>
            <Input
              id="org-name"
              name="orgName"
              required
              value={orgName}
              aria-invalid={Boolean(fieldError(error, "organization.name"))}
              onChange={(event) => {
                setOrgName(event.target.value);
                if (!slugEdited) setSlug(suggestSlug(event.target.value));
              }}
            />
          </Field>
          <Field
            id="org-slug"
            label="Portal URL"
            hint={`Your portal will live at /${slug || "your-org"}`}
            error={fieldError(error, "organization.slug")}
          >
            <div className="flex rounded-md shadow-sm">
              <span className="inline-flex items-center rounded-l-md px-3 text-sm text-slate-500 ring-1 ring-inset ring-slate-300">
                greenroom/
              </span>
              <Input
                id="org-slug"
                name="slug"
                required
                className="rounded-l-none"
                value={slug}
                aria-invalid={Boolean(fieldError(error, "organization.slug"))}
                onChange={(event) => {
                  setSlugEdited(true);
                  setSlug(event.target.value.toLowerCase());
                }}
              />
            </div>
          </Field>
        </>
      )}
      <Button type="submit" className="w-full" loading={signUp.isPending || accept.isPending}>
        {inviteToken ? "Create account and join" : "Create organization"}
      </Button>
    </form>
  );
}
