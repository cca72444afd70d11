"use client";

import { Alert, Button, Field, Input } from "@greenroom/ui";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  OAuthAccountNotLinked: "Sign in with the method you used before.",
  AccessDenied: "You do not have access.",
};

export function SignInForm({ callbackUrl, githubEnabled, initialError }: { callbackUrl: string; githubEnabled: boolean; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? (MESSAGES[initialError] ?? initialError) : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(MESSAGES[result?.error ?? ""] ?? result?.error ?? "Sign-in failed. Try again.");
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-5">
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="email" label="Work email">
          <Input id="email" name="email" type="email" autoComplete="email" required autoFocus />
        </Field>
        <Field id="password" label="Password">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <Button type="submit" className="w-full" loading={pending}>
          Sign in
        </Button>
      </form>
      {githubEnabled ? (
        <Button type="button" variant="secondary" className="w-full" onClick={() => void signIn("github", { callbackUrl })}>
          Continue with GitHub
        </Button>
      ) : null}
    </div>
  );
}
