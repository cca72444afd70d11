import { Buffer } from "node:buffer";
import { isNode, LineCounter, parseAllDocuments, type Document } from "yaml";
import { EntityCollector } from "./entity-collector";
import type { PathSegment } from "./errors";
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
 * A YAML alias may be expanded this many times per document. The `yaml` package's own guard
 * against "billion laughs" documents; real catalog files rarely use aliases at all.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads a (multi-document) catalog-info.yaml. Each `---` document is read, size-checked and
 * validated on its own, so malformed YAML or an invalid entity in one document is reported and
 * the others are still returned. Empty documents (a trailing `---`, comment-only blocks) are
 * skipped, as Backstage does.
 */
export function parseCatalogYaml(text: string, options: CatalogParseOptions = {}): CatalogParseResult {
  const limits = resolveLimits(options);
  const collector = new EntityCollector();

  const inputBytes = Buffer.byteLength(text, "utf8");
  if (inputBytes > limits.maxInputBytes) {
    collector.addError(inputTooLarge(options, inputBytes, limits));
    return collector.result();
  }

  const lineCounter = new LineCounter();
  // YAML 1.2 core schema (the package default): `on`/`yes` stay strings, dates stay strings,
  // which is how Backstage reads these files too. Duplicate keys are errors.
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;

  documents.forEach((doc, documentIndex) => {
    if (documentIndex >= limits.maxDocuments) return;
    const contentStart = isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : doc.range[0];
    const line = lineAt(contentStart);

    const sourceBytes = Buffer.byteLength(text.slice(doc.range[0], doc.range[2]), "utf8");
    if (sourceBytes > limits.maxDocumentBytes) {
      collector.addError(documentTooLarge(options, documentIndex, sourceBytes, limits, line));
      return;
    }

    const syntaxError = doc.errors[0];
    if (syntaxError) {
      const firstLine = syntaxError.message.split("\n")[0]?.replace(/:$/, "") ?? syntaxError.code;
      const more = doc.errors.length > 1 ? ` (${doc.errors.length - 1} more problem(s) in this document)` : "";
      collector.addError(
        documentError(
          options,
          documentIndex,
          "yaml-syntax",
          `YAML syntax error: ${firstLine}${more}. Fix this document; the other documents in the file were still read.`,
          syntaxError.linePos?.[0]?.line ?? line,
        ),
      );
      return;
    }

    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      collector.addError(
        documentError(
          options,
          documentIndex,
          "yaml-syntax",
          `This document could not be read: ${reason}. Use fewer YAML aliases (*name).`,
          line,
        ),
      );
      return;
    }
    if (value === null || value === undefined) return;

    // Aliases let a small document expand into a large value, so also measure what we would
    // store. JSON quoting makes a value somewhat larger than its YAML, hence the factor of two:
    // this catches expansion without rejecting documents that passed the source-size check.
    const valueBytes = Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
    if (valueBytes > 2 * limits.maxDocumentBytes) {
      collector.addError(documentTooLarge(options, documentIndex, valueBytes, limits, line));
      return;
    }

    collector.add(value, {
      documentIndex,
      sourceName: options.sourceName,
      line,
      locate: (path) => locateLine(doc, path, lineAt),
    });
  });

  if (documents.length > limits.maxDocuments) {
    collector.addError(tooManyDocuments(options, documents.length, limits));
  }
  return collector.result();
}

/**
 * Line of the deepest node that exists on the path: for a missing field that is its parent
 * mapping, which is where the author has to add it.
 */
function locateLine(doc: Document.Parsed, path: PathSegment[], lineAt: (offset: number) => number): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lineAt(node.range[0]);
  }
  return undefined;
}
