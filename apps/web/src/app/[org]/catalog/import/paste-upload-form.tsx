"use client";

import { Alert, Button, Card, Field, Input, Select } from "@greenroom/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ChangeEvent, type FormEvent } from "react";

import { fieldError, formError } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

import { CatalogErrors } from "./catalog-errors";

const EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments
  description: Takes the money
spec:
  type: service
  lifecycle: production
  owner: team-payments
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-payments
spec:
  type: team
  children: []`;

export function PasteUploadForm({ orgSlug }: { orgSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<string[]>([]);
  const importYaml = useMutation(trpc.catalog.importYaml.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() }) }));

  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    if (!chosen.length) return;
    // Several files become one multi-document stream, as if they were one file.
    const contents = await Promise.all(chosen.map((file) => file.text()));
    setText(contents.map((content) => content.trim()).join("\n---\n"));
    setFiles(chosen.map((file) => file.name));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    importYaml.mutate({ orgSlug, sourceName: String(form.get("sourceName") ?? ""), mode: form.get("mode") === "delta" ? "delta" : "full", text });
  }

  const result = importYaml.data;
  return (
    <div className="space-y-5">
      <Card>
        <form onSubmit={onSubmit} className="space-y-4 p-5" noValidate>
          <div className="grid gap-4 md:grid-cols-2">
            <Field id="import-source" label="Source name" hint="Importing again under the same name replaces what this source imported before." error={fieldError(importYaml.error, "sourceName")}>
              <Input id="import-source" name="sourceName" defaultValue="catalog-info" aria-invalid={Boolean(fieldError(importYaml.error, "sourceName"))} />
            </Field>
            <Field id="import-mode" label="Mode" hint="Full removes what this source had but the files no longer contain; merge only adds and updates.">
              <Select id="import-mode" name="mode" defaultValue="full">
                <option value="full">Full: replace this source's entities</option>
                <option value="delta">Merge: add and update only</option>
              </Select>
            </Field>
          </div>
          <Field id="import-file" label="Files" hint={files.length ? `Loaded ${files.join(", ")} into the text below.` : "One or more .yaml, .yml or .json files; or paste below."}>
            <input id="import-file" type="file" multiple accept=".yaml,.yml,.json,application/json,text/yaml" onChange={(event) => void onFiles(event)} className="block text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-200" />
          </Field>
          <Field id="import-text" label="YAML or JSON" error={fieldError(importYaml.error, "text")} hint="Several documents separated by ---, a JSON array, or Backstage's { items: [...] }.">
            <textarea
              id="import-text"
              value={text}
              onChange={(event) => setText(event.target.value)}
              rows={14}
              spellCheck={false}
              placeholder={EXAMPLE}
              className="block w-full rounded-md border-0 px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-emerald-600"
            />
          </Field>
          {formError(importYaml.error, ["sourceName", "text", "mode"]) ? <Alert>{formError(importYaml.error, ["sourceName", "text", "mode"])}</Alert> : null}
          <div className="flex items-center gap-3">
            <Button type="submit" loading={importYaml.isPending} disabled={!text.trim()}>
              Import
            </Button>
            <span className="text-xs text-slate-500">Members and admins can import.</span>
          </div>
        </form>
      </Card>
      {result ? (
        <div className="space-y-4" data-testid="import-result">
          {result.held ? (
            <Alert tone="amber" title="Held for an admin to confirm">
              This import would delete {result.held.wouldDelete} of the {result.held.existingCount} entities this source has, so nothing was changed. An admin can confirm or discard it under{" "}
              <Link href={`/${orgSlug}/catalog/sources`} className="underline">
                Sources
              </Link>
              .
            </Alert>
          ) : (
            <Alert tone={result.errorCount ? "amber" : "emerald"} title={`Imported into ${result.source.name}`}>
              {result.created} created · {result.updated} updated · {result.unchanged} unchanged · {result.deleted} removed
              {result.errorCount ? ` · ${result.errorCount} document problem${result.errorCount === 1 ? "" : "s"}` : ""}.{" "}
              <Link href={`/${orgSlug}/catalog`} className="font-medium underline">
                Open the catalog
              </Link>
            </Alert>
          )}
          {result.conflicts.length ? (
            <Alert tone="amber" title={`${result.conflicts.length} entit${result.conflicts.length === 1 ? "y belongs" : "ies belong"} to another source`}>
              Not overwritten: {result.conflicts.map((conflict) => conflict.ref).join(", ")}. See{" "}
              <Link href={`/${orgSlug}/catalog/sources`} className="underline">
                Sources
              </Link>
              .
            </Alert>
          ) : null}
          <CatalogErrors errors={result.errors} total={result.errorCount} />
        </div>
      ) : null}
    </div>
  );
}
