"use client";

import { Alert, Button, Card, Field, Input } from "@greenroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";

import { KindBadge } from "~/components/catalog/kind-badge";
import { entityHref } from "~/components/catalog/refs";
import { fieldError, formError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

import { CatalogErrors } from "./catalog-errors";

/** Backstage's "Register existing component": a catalog-info.yaml URL, checked first, then registered and refreshed on a schedule. */
export function RegisterUrlForm({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState("");
  const register = useMutation(trpc.locations.register.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() }) }));

  const submit = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    register.mutate({ orgSlug, target, dryRun });
  };
  const result = register.data;
  const dry = register.variables?.dryRun;
  return (
    <div className="space-y-5">
      <Card>
        <form onSubmit={submit(false)} className="space-y-4 p-5" noValidate>
          <Field id="location-target" label="URL of a catalog-info.yaml" hint="A GitHub file URL (blob or raw). It is read again on a schedule and on pushes." error={fieldError(register.error, "target")}>
            <Input id="location-target" value={target} onChange={(event) => setTarget(event.target.value)} placeholder="https://github.com/acme/payments/blob/main/catalog-info.yaml" />
          </Field>
          {formError(register.error, ["target"]) ? <Alert>{formError(register.error, ["target"])}</Alert> : null}
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={() => submit(true)()} loading={register.isPending && dry === true} disabled={!target.trim()}>
              Check
            </Button>
            <Button type="submit" loading={register.isPending && dry === false} disabled={!target.trim()}>
              Register
            </Button>
          </div>
        </form>
      </Card>
      {result ? (
        <div className="space-y-4">
          <Alert tone={result.errors.length ? "amber" : "emerald"} title={dry ? `${result.entities.length} entit${result.entities.length === 1 ? "y" : "ies"} found` : "Registered"}>
            {result.counts ? `${result.counts.created} created · ${result.counts.updated} updated · ${result.counts.unchanged} unchanged · ${result.counts.deleted} removed.` : dry ? "Nothing was imported yet." : null}
            {result.held ? ` Held: it would delete ${result.held.wouldDelete} entities; an admin can confirm under Sources.` : null}
          </Alert>
          {result.entities.length ? (
            <Card>
              <ul className="divide-y divide-slate-100">
                {result.entities.map((entity) => (
                  <li key={`${entity.kind}:${entity.namespace}/${entity.name}`} className="flex items-center gap-3 px-5 py-2 text-sm">
                    <KindBadge kind={entity.kind.toLowerCase()} />
                    {dry ? (
                      <span className="font-medium">{entity.title ?? entity.name}</span>
                    ) : (
                      <Link href={entityHref(orgSlug, entity)} className="font-medium text-emerald-700 hover:underline">
                        {entity.title ?? entity.name}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <CatalogErrors errors={result.errors} title={`${result.errors.length} problem${result.errors.length === 1 ? "" : "s"}`} />
        </div>
      ) : null}
    </div>
  );
}
