/**
 * Backstage's field format rules, written from its validator functions so that a file Backstage
 * accepts we accept, and the reverse. Where Backstage's documentation is stricter than its code
 * (entity names: the docs say "[-_.] separated", the code also allows "a--b"), we follow the code:
 * a file that loads in Backstage today must load here.
 *
 * The format checks return plain booleans rather than `value is string` type guards: a failed
 * format check does not mean the value is not a string, and a guard would make TypeScript treat
 * the value as `never` in the error branch, where messages still need to show it.
 */

/** DNS label (RFC 1123): lowercase alphanumerics separated by single dashes, 1-63 chars. */
export function isValidDnsLabel(value: unknown): boolean {
  return typeof value === "string" && value.length >= 1 && value.length <= 63 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}

/** DNS subdomain: dot-separated DNS labels, at most 253 chars. */
export function isValidDnsSubdomain(value: unknown): boolean {
  return (
    typeof value === "string" && value.length >= 1 && value.length <= 253 && value.split(".").every(isValidDnsLabel)
  );
}

/** Kubernetes-style object name; used for entity names, label values and link icons. */
export function isValidObjectName(value: unknown): boolean {
  return (
    typeof value === "string" &&
    value.length >= 1 &&
    value.length <= 63 &&
    /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(value)
  );
}

export const isValidEntityName = isValidObjectName;

/** Namespaces are stricter than names: lowercase DNS labels. */
export const isValidNamespace = isValidDnsLabel;

/** `Component`, `API`, `MyCustomKind`: a letter, then letters and digits, 1-63 chars. */
export function isValidKind(value: unknown): boolean {
  return typeof value === "string" && value.length >= 1 && value.length <= 63 && /^[a-zA-Z][a-zA-Z0-9]*$/.test(value);
}

/**
 * `<suffix>` or `<prefix>/<suffix>` where the prefix is a DNS subdomain. Exactly one "/" at most:
 * "a/b/c" is invalid, as in Backstage.
 */
function isValidPrefixAndOrSuffix(value: unknown, isValidSuffix: (part: string) => boolean): boolean {
  if (typeof value !== "string") return false;
  const parts = value.split("/");
  if (parts.length === 1) return isValidSuffix(parts[0] ?? "");
  if (parts.length === 2) return isValidDnsSubdomain(parts[0]) && isValidSuffix(parts[1] ?? "");
  return false;
}

/** `backstage.io/v1alpha1`, `scaffolder.backstage.io/v1beta3`, `v1`. */
export function isValidApiVersion(value: unknown): boolean {
  return isValidPrefixAndOrSuffix(
    value,
    (suffix) => suffix.length >= 1 && suffix.length <= 63 && /^[a-zA-Z0-9]+$/.test(suffix),
  );
}

/** Label and annotation keys share one rule: optional DNS-subdomain prefix, then an object name. */
export function isValidLabelKey(value: unknown): boolean {
  return isValidPrefixAndOrSuffix(value, isValidObjectName);
}

export const isValidAnnotationKey = isValidLabelKey;

/** Label values may be empty, otherwise they follow the object-name rule. */
export function isValidLabelValue(value: unknown): boolean {
  return value === "" || isValidObjectName(value);
}

/** Annotation values are any string of any length. */
export function isValidAnnotationValue(value: unknown): boolean {
  return typeof value === "string";
}

/** Tags: lowercase alphanumerics plus `:+#`, separated by single dashes, 1-63 chars. */
export function isValidTag(value: unknown): boolean {
  return (
    typeof value === "string" && value.length >= 1 && value.length <= 63 && /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/.test(value)
  );
}

/** Anything the WHATWG URL parser accepts as absolute, like Backstage's `new URL(value)` check. */
export function isValidUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** A string with at least one non-whitespace character. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim().length >= 1;
}

/** Plain object (not null, not an array): what JSON/YAML mappings turn into. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
