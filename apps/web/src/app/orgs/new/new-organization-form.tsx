"use client";

import { suggestSlug } from "@greenroom/accounts/schemas";
import { Alert, Button, Field, Input } from "@greenroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { fieldError, formError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

export function NewOrganizationForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const create = useMutation(trpc.organization.create.mutationOptions({ onSuccess: (org) => router.push(`/${org.slug}`) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name, slug });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError(create.error, ["name", "slug"]) ? <Alert>{formError(create.error, ["name", "slug"])}</Alert> : null}
      <Field id="org-name" label="Organization name" error={fieldError(create.error, "name")}>
        <Input
          id="org-name"
          value={name}
          autoFocus
          onChange={(event) => {
            setName(event.target.value);
            if (!slugEdited) setSlug(suggestSlug(event.target.value));
          }}
        />
      </Field>
      <Field id="org-slug" label="Portal URL" hint={`/${slug || "your-org"}`} error={fieldError(create.error, "slug") ?? fieldError(create.error, "organization.slug")}>
        <Input
          id="org-slug"
          value={slug}
          onChange={(event) => {
            setSlugEdited(true);
            setSlug(event.target.value.toLowerCase());
          }}
        />
      </Field>
      <Button type="submit" className="w-full" loading={create.isPending}>
        Create organization
      </Button>
    </form>
  );
}
