import { describeValue, formatPath, type CatalogRule, type FieldIssue, type PathSegment } from "./errors";
import { isPlainObject } from "./field-formats";
import { isPlaceholder } from "./placeholders";

export interface FieldOptions {
  required?: boolean;
  /** Appended to messages: what the field means and an example, so the message says how to fix it. */
  hint?: string;
}

/**
 * Collects every problem in a value instead of stopping at the first: a catalog author fixing a
 * file wants the whole list. Each helper returns the value when it has the right type so callers
 * can keep checking inside it, and `undefined` otherwise.
 */
export class FieldChecker {
  readonly issues: FieldIssue[] = [];

  report(path: PathSegment[], rule: CatalogRule, message: string): void {
    this.issues.push({ path, rule, message });
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }

  /** A string field: must be a string with visible characters when present. */
  string(
    container: Record<string, unknown>,
    parent: PathSegment[],
    key: string,
    options: FieldOptions = {},
  ): string | undefined {
    const path = [...parent, key];
    const value = container[key];
    if (!this.present(value, path, options, "a string")) return undefined;
    if (typeof value !== "string") {
      this.typeError(path, value, "a string", options.hint);
      return undefined;
    }
    if (value.trim() === "") {
      this.report(path, "non-empty", `${formatPath(path)} must not be empty.${suffix(options.hint)}`);
      return undefined;
    }
    return value;
  }

  /** A list of non-empty strings (the list itself may be empty, as Backstage allows for `children`). */
  stringArray(
    container: Record<string, unknown>,
    parent: PathSegment[],
    key: string,
    options: FieldOptions = {},
  ): string[] | undefined {
    const path = [...parent, key];
    const value = container[key];
    if (!this.present(value, path, options, "a list of strings")) return undefined;
    if (!Array.isArray(value)) {
      const example = typeof value === "string" ? ` Write it as a list: [${JSON.stringify(value)}].` : "";
      this.typeError(path, value, "a list of strings", `${example.trim()}${suffix(options.hint)}`.trim());
      return undefined;
    }
    let allStrings = true;
    value.forEach((item: unknown, index) => {
      const itemPath = [...path, index];
      if (isPlaceholder(item)) return;
      if (typeof item !== "string") {
        allStrings = false;
        this.typeError(itemPath, item, "a string", options.hint);
      } else if (item.trim() === "") {
        allStrings = false;
        this.report(
          itemPath,
          "non-empty",
          `${formatPath(itemPath)} must not be an empty string; remove it or fill it in.`,
        );
      }
    });
    // Placeholder items are left out: their value is unknown until the engine substitutes them.
    return allStrings ? value.filter((item): item is string => typeof item === "string") : undefined;
  }

  /** A nested mapping such as `spec.profile`. */
  object(
    container: Record<string, unknown>,
    parent: PathSegment[],
    key: string,
    options: FieldOptions = {},
  ): Record<string, unknown> | undefined {
    const path = [...parent, key];
    const value = container[key];
    if (!this.present(value, path, options, "an object")) return undefined;
    if (!isPlainObject(value)) {
      this.typeError(path, value, "an object (a YAML mapping of key: value lines)", options.hint);
      return undefined;
    }
    return value;
  }

  /** A string limited to a few values, e.g. Location `presence: required | optional`. */
  oneOf(
    container: Record<string, unknown>,
    parent: PathSegment[],
    key: string,
    allowed: readonly string[],
    options: FieldOptions = {},
  ): string | undefined {
    const value = this.string(container, parent, key, options);
    if (value === undefined) return undefined;
    if (!allowed.includes(value)) {
      const path = [...parent, key];
      this.report(
        path,
        "enum",
        `${formatPath(path)} is ${describeValue(value)}; use one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}.`,
      );
      return undefined;
    }
    return value;
  }

  typeError(path: PathSegment[], value: unknown, expected: string, hint?: string): void {
    this.report(
      path,
      "type",
      `${formatPath(path)} must be ${expected}, but is ${describeValue(value)}.${suffix(hint)}`,
    );
  }

  /**
   * Handles absent and null values. YAML turns `owner:` with nothing after it into null, which
   * authors read as "empty", so a null required field is reported as missing, not as a type error.
   */
  private present(value: unknown, path: PathSegment[], options: FieldOptions, expected: string): boolean {
    if (value === undefined || value === null) {
      if (options.required) {
        const state = value === null ? "is empty" : "is missing";
        this.report(path, "required", `${formatPath(path)} ${state} but is required.${suffix(options.hint)}`);
      } else if (value === null) {
        this.report(
          path,
          "type",
          `${formatPath(path)} is empty (null); give it ${expected} or remove the line.${suffix(options.hint)}`,
        );
      }
      return false;
    }
    // A `$text`/`$json`/`$yaml` substitution stands for a value we only see after the engine
    // reads the target, as in Backstage; accept it here and let the engine validate the result.
    return !isPlaceholder(value);
  }
}

function suffix(hint: string | undefined): string {
  return hint ? ` ${hint}` : "";
}
