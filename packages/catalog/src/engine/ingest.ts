import type { CatalogSourceRecord, TenantDb } from "@greenroom/db";

import type { CatalogError } from "../errors";
import { parseCatalogJson } from "../parse-json";
import type { CatalogParseOptions } from "../parse-options";
import { parseCatalogYaml } from "../parse-yaml";
import { applyMutation, type MutationResult } from "./apply-mutation";

export type IngestResult = MutationResult & { accepted: number; errors: CatalogError[] };

export type IngestInput = {
  text: string;
  /** JSON (an array of entities, or Backstage's `{ items }`) or multi-document YAML. */
  format: "yaml" | "json";
  mode: "full" | "delta";
  removals?: string[];
  limits?: Omit<CatalogParseOptions, "sourceName">;
};

export function parseCatalogText(text: string, format: "yaml" | "json", options: CatalogParseOptions) {
  return format === "json" ? parseCatalogJson(text, options) : parseCatalogYaml(text, options);
}

/**
 * Parses a file for a source and applies it. Bad documents are reported with their errors and
 * skipped; the good ones are written. A full mutation made of nothing but errors is refused
 * outright: applying it would read as "delete everything this source had".
 */
export async function ingestCatalogText(db: TenantDb, source: CatalogSourceRecord, input: IngestInput): Promise<IngestResult> {
  const { entities, errors } = parseCatalogText(input.text, input.format, { ...input.limits, sourceName: source.name });
  const nothingUsable = entities.length === 0 && errors.length > 0;
  const result: MutationResult =
    nothingUsable && input.mode === "full"
      ? { created: 0, updated: 0, unchanged: 0, deleted: 0, conflicts: [], held: null }
      : await applyMutation(
          db,
          source,
          input.mode === "full" ? { type: "full", entities } : { type: "delta", upserts: entities, removals: input.removals ?? [] },
        );
  await db.catalogSources.recordMutation(source.id, errors.slice(0, 200) as unknown as Parameters<TenantDb["catalogSources"]["recordMutation"]>[1]);
  return { ...result, accepted: entities.length, errors };
}
