import type { Placeholder } from "./entity";
import { formatPath, type FieldIssue, type PathSegment } from "./errors";
import { isPlainObject } from "./field-formats";

/**
 * Backstage substitutes `{ $text: ./openapi.yaml }` (and `$json`, `$yaml`) with the content of
 * the referenced file before validating. API entities almost always load their `definition` this
 * way, so such files must be accepted. Reading the target needs the file's location and network
 * access, which is the engine's job; here we only recognise and report them.
 */

export const PLACEHOLDER_TYPES = ["$text", "$json", "$yaml"] as const;
type PlaceholderType = (typeof PLACEHOLDER_TYPES)[number];

function placeholderKey(value: unknown): PlaceholderType | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0];
  return (PLACEHOLDER_TYPES as readonly string[]).includes(key ?? "") ? (key as PlaceholderType) : undefined;
}

/**
 * True for a substitution object (`{ $text: ... }`), whatever its target. Validators accept it
 * wherever a value is expected; `findPlaceholders` reports a bad target, once, at the `$` key.
 */
export function isPlaceholder(value: unknown): boolean {
  return placeholderKey(value) !== undefined;
}

/** Walks a value and lists its substitutions; a substitution whose target is not a string is an issue. */
export function findPlaceholders(
  value: unknown,
  path: PathSegment[] = [],
  found: { placeholders: Placeholder[]; issues: FieldIssue[] } = { placeholders: [], issues: [] },
): { placeholders: Placeholder[]; issues: FieldIssue[] } {
  const key = placeholderKey(value);
  if (key !== undefined) {
    const target = (value as Record<string, unknown>)[key];
    if (typeof target === "string" && target.trim() !== "") {
      found.placeholders.push({ path: formatPath(path), type: key, target });
    } else {
      found.issues.push({
        path: [...path, key],
        rule: "type",
        message: `${formatPath([...path, key])} must be the path or URL of the file to substitute, e.g. "${key}: ./openapi.yaml".`,
      });
    }
    return found;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => findPlaceholders(item, [...path, index], found));
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) findPlaceholders(v, [...path, k], found);
  }
  return found;
}
