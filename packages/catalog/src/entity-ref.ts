import { DEFAULT_NAMESPACE, type Entity } from "./entity";

/**
 * Entity references: `[kind:][namespace/]name`, or the object form `{ kind, namespace, name }`.
 * Parsing keeps the case as written (display), comparison and storage keys are lowercase
 * (Backstage compares refs case-insensitively and stores `kind:namespace/name` in lowercase).
 */

export interface CompoundEntityRef {
  kind: string;
  namespace: string;
  name: string;
}

export interface EntityRefInput {
  kind?: string;
  namespace?: string;
  name: string;
}

export interface EntityRefContext {
  /** Used when the ref has no `kind:` part, e.g. "Group" for `spec.owner`. */
  defaultKind?: string;
  /** Used when the ref has no `namespace/` part; Backstage uses the referring entity's namespace. */
  defaultNamespace?: string;
}

export class InvalidEntityRefError extends Error {
  constructor(
    readonly input: unknown,
    reason: string,
  ) {
    super(reason);
    this.name = "InvalidEntityRefError";
  }
}

const FORM_HINT = 'write it as [kind:][namespace/]name, e.g. "component:default/payments" or "team-a"';

/**
 * Splits the string form. Like Backstage, a "/" before the first ":" means there is no kind part,
 * so `default/foo:bar` is namespace "default", name "foo:bar"; anything after the namespace slash
 * belongs to the name.
 */
function splitRefString(input: string): { kind?: string; namespace?: string; name: string } {
  const ref = input.trim();
  let colon = ref.indexOf(":");
  const slash = ref.indexOf("/");
  if (slash !== -1 && slash < colon) colon = -1;

  const kind = colon === -1 ? undefined : ref.slice(0, colon);
  const namespace = slash === -1 ? undefined : ref.slice(colon + 1, slash);
  const name = ref.slice(Math.max(colon, slash) + 1);

  if (kind === "")
    throw new InvalidEntityRefError(input, `Entity reference "${input}" has an empty kind before ":"; ${FORM_HINT}.`);
  if (namespace === "")
    throw new InvalidEntityRefError(
      input,
      `Entity reference "${input}" has an empty namespace before "/"; ${FORM_HINT}.`,
    );
  if (name === "") throw new InvalidEntityRefError(input, `Entity reference "${input}" has no name; ${FORM_HINT}.`);
  return { kind, namespace, name };
}

/**
 * Parses a reference and fills in defaults. Throws `InvalidEntityRefError` for an empty part,
 * or when no kind is written and the context gives no default (e.g. `spec.dependsOn`, which
 * Backstage requires to carry a kind).
 */
export function parseEntityRef(ref: string | EntityRefInput, context: EntityRefContext = {}): CompoundEntityRef {
  let parts: { kind?: string; namespace?: string; name: string };
  if (typeof ref === "string") {
    if (ref.trim() === "") throw new InvalidEntityRefError(ref, `Entity reference is empty; ${FORM_HINT}.`);
    parts = splitRefString(ref);
  } else if (typeof ref === "object" && ref !== null) {
    const { kind, namespace, name } = ref as Partial<Record<"kind" | "namespace" | "name", unknown>>;
    for (const [field, value] of Object.entries({ kind, namespace })) {
      if (value !== undefined && (typeof value !== "string" || value === "")) {
        throw new InvalidEntityRefError(ref, `Entity reference ${field} must be a non-empty string when given.`);
      }
    }
    if (typeof name !== "string" || name === "") {
      throw new InvalidEntityRefError(ref, "Entity reference must have a non-empty name.");
    }
    parts = { kind: kind as string | undefined, namespace: namespace as string | undefined, name };
  } else {
    throw new InvalidEntityRefError(
      ref,
      `Entity reference must be a string or { kind, namespace, name }; ${FORM_HINT}.`,
    );
  }

  const kind = parts.kind ?? context.defaultKind;
  if (!kind) {
    const shown = typeof ref === "string" ? ref : JSON.stringify(ref);
    const example = `resource:${parts.namespace ? `${parts.namespace}/` : ""}${parts.name}`;
    throw new InvalidEntityRefError(
      ref,
      `Entity reference "${shown}" has no kind and this field has no default kind; prefix it with the kind, e.g. "${example}" or "component:${example.slice(9)}".`,
    );
  }
  return {
    kind,
    namespace: parts.namespace ?? context.defaultNamespace ?? DEFAULT_NAMESPACE,
    name: parts.name,
  };
}

export type ParseEntityRefResult = { ok: true; ref: CompoundEntityRef } | { ok: false; error: string };

/** Non-throwing variant for validators that collect errors. */
export function tryParseEntityRef(ref: string | EntityRefInput, context: EntityRefContext = {}): ParseEntityRefResult {
  try {
    return { ok: true, ref: parseEntityRef(ref, context) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

// A fixed locale keeps keys stable whatever the server's locale is (Turkish dotless i, etc.).
const lower = (value: string): string => value.toLocaleLowerCase("en-US");

/** The kind/namespace/name triplet of an entity, namespace defaulted. */
export function getCompoundEntityRef(entity: Pick<Entity, "kind" | "metadata">): CompoundEntityRef {
  return {
    kind: entity.kind,
    namespace: entity.metadata.namespace || DEFAULT_NAMESPACE,
    name: entity.metadata.name,
  };
}

/**
 * Canonical `kind:namespace/name`, all lowercase, namespace defaulted. This is the storage key:
 * two refs are the same entity exactly when their stringified forms are equal.
 */
export function stringifyEntityRef(ref: EntityRefInput | Pick<Entity, "kind" | "metadata">): string {
  const { kind, namespace, name } =
    "metadata" in ref ? getCompoundEntityRef(ref) : { kind: ref.kind, namespace: ref.namespace, name: ref.name };
  if (!kind) throw new InvalidEntityRefError(ref, "Cannot stringify an entity reference without a kind.");
  return `${lower(kind)}:${lower(namespace || DEFAULT_NAMESPACE)}/${lower(name)}`;
}

/** Case-insensitive equality of two references (string or object form, kinds required). */
export function isSameEntityRef(
  a: string | EntityRefInput,
  b: string | EntityRefInput,
  context: EntityRefContext = {},
): boolean {
  return stringifyEntityRef(parseEntityRef(a, context)) === stringifyEntityRef(parseEntityRef(b, context));
}
