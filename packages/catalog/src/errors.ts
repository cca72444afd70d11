/**
 * Errors reported while reading catalog files. They are data, not exceptions: one bad document
 * must not hide the good ones, and the UI shows every problem at once so an admin can fix a file
 * in one pass instead of one error per sync.
 */

/** The rule a value broke. Stable identifiers: the UI and tests match on them. */
export type CatalogRule =
  // Reading the input
  | "input-too-large"
  | "too-many-documents"
  | "document-too-large"
  | "yaml-syntax"
  | "json-syntax"
  | "not-an-object"
  | "duplicate-entity"
  // Reading a registered location (URL fetch, nested Location targets)
  | "fetch-failed"
  // Shape
  | "required"
  | "type"
  | "non-empty"
  | "enum"
  | "unknown-field"
  // Backstage field formats
  | "api-version"
  | "kind"
  | "entity-name"
  | "namespace"
  | "label-key"
  | "label-value"
  | "annotation-key"
  | "tag"
  | "url"
  | "link-icon"
  | "entity-ref";

/** A field path as segments, e.g. ["metadata", "tags", 2]. */
export type PathSegment = string | number;

/** A problem found in one value, before we know which document it came from. */
export interface FieldIssue {
  path: PathSegment[];
  rule: CatalogRule;
  message: string;
}

export interface CatalogError {
  /** The file or upload the document came from, if the caller named it. */
  sourceName?: string;
  /** 0-based position of the document in the file (YAML stream or JSON array); absent for whole-input errors. */
  documentIndex?: number;
  /** `kind:namespace/name` as written (namespace defaulted), when the document got that far. */
  entityRef?: string;
  /** Dotted field path with array indices, e.g. `metadata.tags[2]`; "" for the document itself. */
  path: string;
  rule: CatalogRule;
  /** Says what is wrong and what to write instead. */
  message: string;
  /** 1-based line in the source text, when known (YAML only). */
  line?: number;
}

/** `["metadata", "tags", 2]` → `metadata.tags[2]`; keys that are not identifiers are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$]*$/.test(segment)) {
      out += out === "" ? segment : `.${segment}`;
    } else {
      // Label and annotation keys contain dots and slashes; brackets keep the path unambiguous.
      out += `[${JSON.stringify(segment)}]`;
    }
  }
  return out;
}

/** One line for logs and the admin UI: where, which field, what to do. */
export function formatCatalogError(error: CatalogError): string {
  const where: string[] = [];
  if (error.sourceName) where.push(error.sourceName);
  if (error.documentIndex !== undefined) where.push(`document ${error.documentIndex}`);
  if (error.line !== undefined) where.push(`line ${error.line}`);
  if (error.entityRef) where.push(error.entityRef);
  const prefix = where.length > 0 ? `${where.join(", ")}: ` : "";
  // Messages usually name their field already; avoid saying it twice.
  const field = error.path && !error.message.includes(error.path) ? `${error.path}: ` : "";
  return `${prefix}${field}${error.message} [${error.rule}]`;
}

/** Short, quoted rendering of a bad value for messages; long values are cut so errors stay readable. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
  }
  return `${typeof value} ${String(value)}`;
}
