import { DEFAULT_NAMESPACE, type Entity, type ParsedEntity } from "./entity";
import { tryParseEntityRef } from "./entity-ref";
import { describeValue, formatPath, type CatalogError, type FieldIssue, type PathSegment } from "./errors";
import { FieldChecker } from "./field-checker";
import { isPlainObject, isValidApiVersion, isValidKind } from "./field-formats";
import { knownKind, miscasedKnownKind } from "./kinds";
import { checkMetadata } from "./metadata";
import { findPlaceholders } from "./placeholders";
import { specRefFields } from "./ref-fields";

export interface ValidateEntityContext {
  /** 0-based position of the document in its file; defaults to 0. */
  documentIndex?: number;
  sourceName?: string;
  /** 1-based line where the document starts (YAML). */
  line?: number;
  /** Maps a field path to its 1-based source line, so errors can point at the offending line. */
  locate?: (path: PathSegment[]) => number | undefined;
}

export interface EntityValidationResult {
  /** Present only when there are no errors. */
  entity?: ParsedEntity;
  errors: CatalogError[];
}

/** `relations` and `status` are Backstage output; accepting them lets API exports load as-is. */
const ROOT_FIELDS = new Set(["apiVersion", "kind", "metadata", "spec", "relations", "status"]);

/**
 * Validates one entity against Backstage's envelope, field-format and kind rules, collecting
 * every problem. Unknown kinds with a valid envelope are accepted with `known: false`.
 */
export function validateEntity(value: unknown, context: ValidateEntityContext = {}): EntityValidationResult {
  const check = new FieldChecker();
  const documentIndex = context.documentIndex ?? 0;

  if (!isPlainObject(value)) {
    check.report(
      [],
      "not-an-object",
      `The document must be an entity object with apiVersion, kind, metadata and spec, but is ${describeValue(value)}.`,
    );
    return { errors: toCatalogErrors(check.issues, context, undefined) };
  }

  for (const field of Object.keys(value)) {
    if (!ROOT_FIELDS.has(field)) {
      check.report(
        [field],
        "unknown-field",
        `Unknown top-level field "${field}"; an entity has only apiVersion, kind, metadata and spec. Move it under spec (kind-specific data) or metadata.annotations.`,
      );
    }
  }

  const apiVersion = check.string(value, [], "apiVersion", {
    required: true,
    hint: 'Core kinds use "backstage.io/v1alpha1".',
  });
  if (apiVersion !== undefined && !isValidApiVersion(apiVersion)) {
    check.report(
      ["apiVersion"],
      "api-version",
      `apiVersion ${describeValue(apiVersion)} is not valid: use an optional DNS-style prefix, "/", then letters and digits, e.g. "backstage.io/v1alpha1".`,
    );
  }

  const kind = check.string(value, [], "kind", { required: true, hint: 'E.g. "Component", "API", "System", "Group".' });
  const kindIsValid = kind !== undefined && isValidKind(kind);
  if (kind !== undefined && !kindIsValid) {
    check.report(
      ["kind"],
      "kind",
      `kind ${describeValue(kind)} is not valid: use a letter followed by letters and digits, at most 63 characters (e.g. "Component").`,
    );
  }

  const metadata = checkMetadata(value.metadata, check);
  const name = typeof metadata?.name === "string" ? metadata.name : undefined;
  const namespace = typeof metadata?.namespace === "string" ? metadata.namespace : DEFAULT_NAMESPACE;
  const entityRef =
    kind !== undefined && name !== undefined ? `${kind}:${namespace}/${name}`.toLocaleLowerCase("en-US") : undefined;

  const definition = kindIsValid ? knownKind(kind) : undefined;
  const miscased = kindIsValid && !definition ? miscasedKnownKind(kind) : undefined;
  if (miscased) {
    check.report(
      ["kind"],
      "kind",
      `kind ${describeValue(kind)} must be written "${miscased.kind}"; kinds are case-sensitive.`,
    );
  }

  const spec = value.spec;
  if (spec !== undefined && !isPlainObject(spec)) {
    check.typeError(["spec"], spec, "an object");
  } else if (definition) {
    // Only when the format is valid: one apiVersion error per document is enough.
    if (apiVersion !== undefined && isValidApiVersion(apiVersion) && !definition.apiVersions.includes(apiVersion)) {
      check.report(
        ["apiVersion"],
        "api-version",
        `${definition.kind} entities must use apiVersion ${definition.apiVersions.map((v) => `"${v}"`).join(" or ")}, not ${describeValue(apiVersion)}.`,
      );
    }
    if (spec === undefined) {
      check.report(
        ["spec"],
        "required",
        `spec is missing but is required for a ${definition.kind}; add "spec:" with its fields.`,
      );
    } else {
      definition.validateSpec(spec, check);
      checkSpecRefs(definition.kind, spec, namespace, check);
    }
  }

  if (value.relations !== undefined && !Array.isArray(value.relations)) {
    check.typeError(["relations"], value.relations, "a list", "It is catalog output; you can remove it.");
  }
  if (value.status !== undefined && !isPlainObject(value.status)) {
    check.typeError(["status"], value.status, "an object", "It is catalog output; you can remove it.");
  }

  const { placeholders, issues } = findPlaceholders(value);
  for (const issue of issues) check.report(issue.path, issue.rule, issue.message);

  if (!check.ok) return { errors: toCatalogErrors(check.issues, context, entityRef) };

  // Past validation every field below has the type Entity promises.
  const entity = structuredClone(value) as unknown as Entity;
  entity.metadata.namespace = namespace;
  const parsed: ParsedEntity = {
    entity,
    ref: entityRef as string,
    known: definition !== undefined,
    documentIndex,
    placeholders,
  };
  if (context.sourceName !== undefined) parsed.sourceName = context.sourceName;
  if (context.line !== undefined) parsed.line = context.line;
  return { entity: parsed, errors: [] };
}

/** Every ref in a ref-holding spec field must parse with that field's default kind. */
function checkSpecRefs(kind: string, spec: Record<string, unknown>, namespace: string, check: FieldChecker): void {
  for (const field of specRefFields(kind)) {
    const raw = spec[field.field];
    const context = { defaultKind: field.defaultKind, defaultNamespace: namespace };
    const items: Array<[PathSegment[], unknown]> = field.many
      ? Array.isArray(raw)
        ? raw.map((item: unknown, index) => [["spec", field.field, index], item])
        : []
      : [[["spec", field.field], raw]];
    for (const [path, item] of items) {
      // Type problems were reported by the kind's own checks.
      if (typeof item !== "string" || item.trim() === "") continue;
      const result = tryParseEntityRef(item, context);
      if (!result.ok) check.report(path, "entity-ref", `${formatPath(path)}: ${result.error}`);
    }
  }
}

function toCatalogErrors(
  issues: FieldIssue[],
  context: ValidateEntityContext,
  entityRef: string | undefined,
): CatalogError[] {
  return issues.map((issue) => {
    const error: CatalogError = {
      documentIndex: context.documentIndex ?? 0,
      path: formatPath(issue.path),
      rule: issue.rule,
      message: issue.message,
    };
    if (context.sourceName !== undefined) error.sourceName = context.sourceName;
    if (entityRef !== undefined) error.entityRef = entityRef;
    const line = context.locate?.(issue.path) ?? context.line;
    if (line !== undefined) error.line = line;
    return error;
  });
}
