import type { ParsedEntity } from "./entity";
import type { CatalogError } from "./errors";
import type { CatalogParseResult } from "./parse-options";
import { validateEntity, type ValidateEntityContext } from "./validate-entity";

/**
 * Accumulates validated documents from one input. It also refuses a second document with the
 * same ref: Backstage names are unique per kind and namespace (case-insensitively), and silently
 * keeping either copy would make the result depend on document order.
 */
export class EntityCollector {
  private readonly entities: ParsedEntity[] = [];
  private readonly errors: CatalogError[] = [];
  private readonly seen = new Map<string, number>();

  addError(error: CatalogError): void {
    this.errors.push(error);
  }

  add(value: unknown, context: ValidateEntityContext): void {
    const result = validateEntity(value, context);
    this.errors.push(...result.errors);
    const parsed = result.entity;
    if (!parsed) return;

    const first = this.seen.get(parsed.ref);
    if (first !== undefined) {
      const error: CatalogError = {
        documentIndex: parsed.documentIndex,
        entityRef: parsed.ref,
        path: "metadata.name",
        rule: "duplicate-entity",
        message: `Document ${first} already defines ${parsed.ref}; names are unique per kind and namespace (ignoring case). Rename or remove one of them.`,
      };
      if (parsed.sourceName !== undefined) error.sourceName = parsed.sourceName;
      if (parsed.line !== undefined) error.line = parsed.line;
      this.errors.push(error);
      return;
    }
    this.seen.set(parsed.ref, parsed.documentIndex);
    this.entities.push(parsed);
  }

  result(): CatalogParseResult {
    return { entities: this.entities, errors: this.errors };
  }
}
