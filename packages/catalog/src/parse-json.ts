import { Buffer } from "node:buffer";
import { EntityCollector } from "./entity-collector";
import { isPlainObject } from "./field-formats";
import {
  documentError,
  documentTooLarge,
  inputTooLarge,
  resolveLimits,
  tooManyDocuments,
  type CatalogParseOptions,
  type CatalogParseResult,
} from "./parse-options";

/**
 * Validates entities that are already parsed (push API bodies, connector output). Each value is
 * one "document": its array index is the document index in errors.
 */
export function parseCatalogEntities(
  values: readonly unknown[],
  options: CatalogParseOptions = {},
): CatalogParseResult {
  const limits = resolveLimits(options);
  const collector = new EntityCollector();
  values.forEach((value, documentIndex) => {
    if (documentIndex >= limits.maxDocuments) return;
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
    if (bytes > limits.maxDocumentBytes) {
      collector.addError(documentTooLarge(options, documentIndex, bytes, limits));
      return;
    }
    collector.add(value, { documentIndex, sourceName: options.sourceName });
  });
  if (values.length > limits.maxDocuments) collector.addError(tooManyDocuments(options, values.length, limits));
  return collector.result();
}

/**
 * Reads entities from JSON: an array of entities, a single entity object, or Backstage's list
 * response shape `{ "items": [...] }` (what `GET /entities/by-query` returns), so a catalog
 * exported from Backstage can be loaded directly.
 */
export function parseCatalogJson(text: string, options: CatalogParseOptions = {}): CatalogParseResult {
  const limits = resolveLimits(options);
  const inputBytes = Buffer.byteLength(text, "utf8");
  if (inputBytes > limits.maxInputBytes) {
    return { entities: [], errors: [inputTooLarge(options, inputBytes, limits)] };
  }

  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    // Unlike YAML, JSON has no document boundaries to recover at: one syntax error loses the input.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      entities: [],
      errors: [
        documentError(
          options,
          undefined,
          "json-syntax",
          `The input is not valid JSON: ${reason}. Fix the syntax and upload again.`,
        ),
      ],
    };
  }

  if (Array.isArray(root)) return parseCatalogEntities(root, options);
  if (isPlainObject(root) && Array.isArray(root.items)) return parseCatalogEntities(root.items, options);
  if (isPlainObject(root)) return parseCatalogEntities([root], options);
  return {
    entities: [],
    errors: [
      documentError(
        options,
        undefined,
        "not-an-object",
        'The JSON must be an array of entities, a single entity object, or { "items": [...] }.',
      ),
    ],
  };
}
