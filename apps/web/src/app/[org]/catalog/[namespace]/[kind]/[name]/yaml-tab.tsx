"use client";

import { Button } from "@greenroom/ui";
import { useState } from "react";
import { stringify } from "yaml";

import { CodeBlock } from "~/components/catalog/code-block";

import type { EntityData } from "./entity-view";

/** The document as it was ingested (original casing), as YAML, with a copy button. */
export function YamlTab({ entity }: { entity: EntityData }) {
  const [copied, setCopied] = useState(false);
  const text = stringify(entity.document, { lineWidth: 0 });
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <p className="text-sm text-slate-600">The entity as its source sent it. Relations are computed from the spec and not part of the file.</p>
        <Button
          variant="secondary"
          size="sm"
          onClick={() =>
            void navigator.clipboard?.writeText(text).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 2_000);
            })
          }
        >
          {copied ? "Copied" : "Copy YAML"}
        </Button>
      </div>
      <CodeBlock code={text} language="yaml" testId="entity-yaml" />
    </div>
  );
}
