import type { ParsedEntity } from "./entity";
import type { CatalogError } from "./errors";

export interface CatalogParseOptions {
  /** Named in every error, e.g. "github.com/acme/payments/catalog-info.yaml". */
  sourceName?: string;
  /** Whole-input cap, checked before parsing so a huge upload costs nothing. Default 16 MiB. */
  maxInputBytes?: number;
  /**
   * Per-document cap on the source text. Default 1 MiB: generous for inline API definitions.
   * For YAML the parsed value may be at most twice this (aliases can expand a small document).
   */
  maxDocumentBytes?: number;
  /** Documents beyond this are not read. Default 10,000. */
  maxDocuments?: number;
}

export interface CatalogParseResult {
  /** Every valid entity, in file order. */
  entities: ParsedEntity[];
  /** Every problem, in file order; a bad document never hides the good ones. */
  errors: CatalogError[];
}

export const DEFAULT_LIMITS = {
  maxInputBytes: 16 * 1024 * 1024,
  maxDocumentBytes: 1024 * 1024,
  maxDocuments: 10_000,
} as const;

export type ResolvedLimits = { maxInputBytes: number; maxDocumentBytes: number; maxDocuments: number };

export function resolveLimits(options: CatalogParseOptions): ResolvedLimits {
  return {
    maxInputBytes: options.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes,
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_LIMITS.maxDocumentBytes,
    maxDocuments: options.maxDocuments ?? DEFAULT_LIMITS.maxDocuments,
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** An error about the document as a whole (size, syntax), not one of its fields. */
export function documentError(
  options: CatalogParseOptions,
  documentIndex: number | undefined,
  rule: CatalogError["rule"],
  message: string,
  line?: number,
): CatalogError {
  const error: CatalogError = { path: "", rule, message };
  if (documentIndex !== undefined) error.documentIndex = documentIndex;
  if (options.sourceName !== undefined) error.sourceName = options.sourceName;
  if (line !== undefined) error.line = line;
  return error;
}

export function inputTooLarge(options: CatalogParseOptions, bytes: number, limits: ResolvedLimits): CatalogError {
  return documentError(
    options,
    undefined,
    "input-too-large",
    `The input is ${formatBytes(bytes)}, over the ${formatBytes(limits.maxInputBytes)} limit; split it into several files.`,
  );
}

export function documentTooLarge(
  options: CatalogParseOptions,
  documentIndex: number,
  bytes: number,
  limits: ResolvedLimits,
  line?: number,
): CatalogError {
  return documentError(
    options,
    documentIndex,
    "document-too-large",
    `This document is ${formatBytes(bytes)}, over the ${formatBytes(limits.maxDocumentBytes)} per-entity limit; move large content such as API definitions to a separate file and load it with "$text: ./file".`,
    line,
  );
}

export function tooManyDocuments(options: CatalogParseOptions, total: number, limits: ResolvedLimits): CatalogError {
  return documentError(
    options,
    limits.maxDocuments,
    "too-many-documents",
    `The input has ${total} documents, over the limit of ${limits.maxDocuments}; documents from index ${limits.maxDocuments} on were not read. Split it into several files.`,
  );
}
