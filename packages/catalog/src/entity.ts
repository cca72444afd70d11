/**
 * The Backstage entity envelope. These shapes are the contract with existing catalog-info.yaml
 * files and with `@backstage/catalog-client`, so field names and optionality follow Backstage.
 */

export const DEFAULT_NAMESPACE = "default";

export interface EntityLink {
  url: string;
  title?: string;
  icon?: string;
  type?: string;
}

export interface EntityMeta {
  name: string;
  /** Always set after validation; "default" when the file leaves it out. */
  namespace?: string;
  title?: string;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  tags?: string[];
  links?: EntityLink[];
  /** Server-managed: assigned by the catalog, ignored by the content hash. */
  uid?: string;
  /** Server-managed: changes on every write, ignored by the content hash. */
  etag?: string;
  /** Server-managed in Backstage; accepted on input so exported entities round-trip. */
  generation?: number;
  /** Backstage allows any other metadata fields. */
  [key: string]: unknown;
}

/** A relation as Backstage serves it on an entity (read-only output). */
export interface EntityRelationRecord {
  type: string;
  targetRef: string;
  /** Older Backstage versions also send the target as an object. */
  target?: { kind: string; namespace: string; name: string };
}

export interface Entity {
  apiVersion: string;
  kind: string;
  metadata: EntityMeta;
  /** Kind-specific; the kinds' own types (ComponentEntity, ...) narrow it after validation. */
  spec?: Record<string, unknown>;
  /**
   * Read-only output. Accepted so that entities exported from a Backstage API load unchanged;
   * the engine recomputes relations from the spec and never trusts these.
   */
  relations?: EntityRelationRecord[];
  /** Read-only output, accepted for the same reason as `relations`. */
  status?: Record<string, unknown>;
}

/** An entity that passed validation, with what the engine needs to store it. */
export interface ParsedEntity {
  /** A normalised copy: namespace filled in; otherwise exactly what the file said. */
  entity: Entity;
  /** Canonical lowercase `kind:namespace/name`, the key the engine stores it under. */
  ref: string;
  /**
   * False for kinds Backstage does not define (an org's own kinds). They are kept, with their
   * envelope validated, because Backstage lets organisations add kinds and rejecting them would
   * break files that work there.
   */
  known: boolean;
  /** 0-based position in the file (YAML stream or JSON array). */
  documentIndex: number;
  sourceName?: string;
  /** 1-based line where the document's content starts (YAML only). */
  line?: number;
  /** `$text` / `$json` / `$yaml` substitutions left for the engine to resolve. */
  placeholders: Placeholder[];
}

export interface Placeholder {
  /** Dotted path of the value that the substitution replaces, e.g. `spec.definition`. */
  path: string;
  type: "$text" | "$json" | "$yaml";
  /** The URL or relative path to read, as written. */
  target: string;
}
