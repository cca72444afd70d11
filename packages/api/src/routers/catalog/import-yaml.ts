import { recordAudit } from "@greenroom/accounts";
import { ensureSource, ingestCatalogText } from "@greenroom/catalog/engine";
import { z } from "zod";

import { memberProcedure } from "../../trpc";

export const ZImportYamlInput = z.object({
  sourceName: z
    .string()
    .trim()
    .min(1, "Name this upload so a later upload can replace it")
    .max(100, "Source names are at most 100 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._\-/]*$/, "Use letters, digits, spaces and . _ - /"),
  text: z.string().min(1, "Paste or choose a file").max(8 * 1024 * 1024, "Files are at most 8 MB"),
  /** Left out: JSON when the text starts with `[` or `{`, else YAML (YAML also reads JSON). */
  format: z.enum(["yaml", "json"]).optional(),
  /** full: this is everything the source has (missing entities are removed); delta: add or update only. */
  mode: z.enum(["full", "delta"]).default("full"),
});

function detectFormat(text: string): "yaml" | "json" {
  const first = text.trimStart()[0];
  return first === "[" || first === "{" ? "json" : "yaml";
}

/** Paste or upload catalog-info.yaml files into an UPLOAD source the user names. */
export const importYamlProcedure = memberProcedure.meta({ bulkWrite: true }).input(ZImportYamlInput).mutation(async ({ ctx, input }) => {
  const source = await ensureSource(ctx.db, { kind: "UPLOAD", key: input.sourceName, createdById: ctx.actor.userId });
  const result = await ingestCatalogText(ctx.db, source, { text: input.text, format: input.format ?? detectFormat(input.text), mode: input.mode });
  await recordAudit(ctx.db, ctx.actor, ctx.meta, "catalog.imported", { type: "catalog_source", id: source.id, label: source.name }, {
    mode: input.mode,
    created: result.created,
    updated: result.updated,
    deleted: result.deleted,
    errors: result.errors.length,
    held: result.held ? result.held.wouldDelete : null,
  });
  return {
    source: { id: source.id, name: source.name },
    accepted: result.accepted,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    deleted: result.deleted,
    conflicts: result.conflicts,
    held: result.held,
    errors: result.errors.slice(0, 500).map((error) => ({
      documentIndex: error.documentIndex ?? null,
      entityRef: error.entityRef ?? null,
      path: error.path,
      rule: error.rule,
      message: error.message,
      line: error.line ?? null,
    })),
    errorCount: result.errors.length,
  };
});
