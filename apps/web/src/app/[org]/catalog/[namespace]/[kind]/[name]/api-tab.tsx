"use client";

import { Alert, EmptyState, Skeleton } from "@greenroom/ui";
import dynamic from "next/dynamic";
import { stringify } from "yaml";

import { CodeBlock } from "~/components/catalog/code-block";

import type { EntityData } from "./entity-view";

// The renderers are large and browser-only: each loads when an API of its type is opened.
const loading = () => <Skeleton className="h-96 w-full" />;
const OpenApiViewer = dynamic(() => import("~/components/catalog/openapi-viewer").then((module) => module.OpenApiViewer), { ssr: false, loading });
const AsyncApiViewer = dynamic(() => import("~/components/catalog/asyncapi-viewer").then((module) => module.AsyncApiViewer), { ssr: false, loading });

type Spec = { type?: string; definition?: unknown };

/** spec.definition as text: Backstage stores a string; an object (from JSON input) is shown as YAML. */
function definitionText(definition: unknown): string | null {
  if (typeof definition === "string") return definition;
  if (definition && typeof definition === "object") {
    // An unresolved `$text: ./openapi.yaml` substitution: the file was not uploaded with it.
    if ("$text" in definition || "$json" in definition || "$yaml" in definition) return null;
    return stringify(definition);
  }
  return null;
}

export function ApiTab({ entity }: { entity: EntityData }) {
  const spec = ((entity.document as { spec?: Spec } | null)?.spec ?? {}) as Spec;
  const type = (spec.type ?? "").toLowerCase();
  const text = definitionText(spec.definition);
  if (text === null) {
    return (
      <EmptyState
        title="No definition to show"
        description="spec.definition points at another file ($text/$json/$yaml). Paste the definition inline, or register the file's URL so it can be resolved."
      />
    );
  }
  const language = text.trimStart().startsWith("{") ? "json" : "yaml";
  return (
    <div className="space-y-3" data-testid="api-definition">
      {type === "openapi" ? (
        <OpenApiViewer definition={text} />
      ) : type === "asyncapi" ? (
        <AsyncApiViewer definition={text} />
      ) : type === "graphql" ? (
        <CodeBlock code={text} language="graphql" testId="graphql-sdl" />
      ) : (
        <>
          <Alert tone="sky">
            {type ? `${type} definitions` : "Definitions of this type"} are shown as source. OpenAPI, AsyncAPI and GraphQL get a rendered view.
          </Alert>
          <CodeBlock code={text} language={type === "grpc" ? "clike" : language} />
        </>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Raw definition</summary>
        <div className="mt-2">
          <CodeBlock code={text} language={type === "graphql" ? "graphql" : language} maxHeight="50vh" />
        </div>
      </details>
    </div>
  );
}
