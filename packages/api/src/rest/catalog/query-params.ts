import type { EntityFilters, SortField } from "@greenroom/db";

import { inputError } from "../errors";

/**
 * Backstage's catalog query parameters (`filter`, `fields`, `order`/`orderField`, `offset`,
 * `limit`) translated onto the catalog's indexed columns where one exists, else onto document
 * paths. Semantics follow Backstage: keys and values compare case-insensitively; conditions in
 * one `filter` are ANDed, repeated `filter` params are ORed; `key` alone means "exists"; arrays
 * are descended; `relations.<type>=<ref>` matches relations; `metadata.tags.<tag>` matches a tag.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `metadata.annotations.backstage.io/orphan` → ["metadata", "annotations", "backstage.io/orphan"]. */
export function keyToPath(key: string): string[] {
  const map = /^(metadata\.(?:annotations|labels))\.(.+)$/i.exec(key);
  if (map) return [...map[1]!.split("."), map[2]!];
  return key.split(".");
}

export function addCondition(set: EntityFilters, key: string, values: string[] | undefined): void {
  const lower = key.toLowerCase();
  const exists = values === undefined;
  const facet = ({ kind: "kind", "metadata.namespace": "namespace", "spec.type": "type", "spec.lifecycle": "lifecycle" } as const)[lower];
  if (facet && !exists) {
    set[facet] = values;
    return;
  }
  if (lower === "kind" || lower === "metadata.name" || lower === "metadata.namespace" || lower === "apiversion") {
    if (exists) return; // every entity has these
  }
  if (lower === "metadata.uid") {
    if (!exists) set.ids = values.filter((value) => UUID.test(value));
    return;
  }
  if (lower === "metadata.tags" && !exists) {
    set.tag = values.map((value) => value.toLowerCase());
    return;
  }
  const tag = /^metadata\.tags\.(.+)$/i.exec(key);
  if (tag) {
    // Backstage's form for array items: `metadata.tags.java` (exists) or `…java=true`.
    if (exists || values.some((value) => value.toLowerCase() === "true")) set.tag = [...(set.tag ?? []), tag[1]!.toLowerCase()];
    else set.ids = [];
    return;
  }
  const relation = /^relations\.([^.]+)$/i.exec(key);
  if (relation) {
    (set.relations ??= []).push({ type: relation[1]!, ...(exists ? {} : { targets: values.map((value) => value.toLowerCase()) }) });
    return;
  }
  (set.paths ??= []).push({ path: keyToPath(key), ...(exists ? {} : { values }) });
}

/** One `filter` param, e.g. `kind=component,spec.type=service,spec.owner`. */
export function parseFilterString(filter: string): EntityFilters | undefined {
  const statements = filter
    .split(",")
    .map((statement) => statement.trim())
    .filter(Boolean);
  if (!statements.length) return undefined;
  const byKey = new Map<string, { key: string; values?: string[]; exists?: boolean }>();
  for (const statement of statements) {
    const equals = statement.indexOf("=");
    const key = (equals === -1 ? statement : statement.slice(0, equals)).trim();
    if (!key) throw inputError(`Invalid filter, '${statement}' is not a valid statement (expected a string on the form a=b or a= or a)`);
    const entry = byKey.get(key.toLowerCase()) ?? { key };
    if (equals === -1) entry.exists = true;
    else (entry.values ??= []).push(statement.slice(equals + 1).trim());
    byKey.set(key.toLowerCase(), entry);
  }
  const set: EntityFilters = {};
  for (const { key, values, exists } of byKey.values()) addCondition(set, key, exists && !values ? undefined : values);
  return set;
}

/** Every `filter` param (ORed); undefined when there are none. */
export function parseFilterParams(filters: string[]): EntityFilters | undefined {
  const sets = filters.map(parseFilterString).filter((set): set is EntityFilters => Boolean(set));
  return sets.length ? { anyOf: sets } : undefined;
}

const ORDER_FIELDS: Record<string, SortField> = {
  "metadata.name": "name",
  kind: "kind",
  "metadata.namespace": "namespace",
  "metadata.title": "title",
  "spec.type": "type",
  "spec.lifecycle": "lifecycle",
  "spec.owner": "owner",
  "relations.ownedby": "owner",
  "spec.system": "system",
};

export function orderField(field: string): SortField {
  const sort = ORDER_FIELDS[field.toLowerCase()];
  if (!sort) throw inputError(`Ordering by '${field}' is not supported; order by one of ${Object.keys(ORDER_FIELDS).join(", ")}`);
  return sort;
}

/** `order=asc:metadata.name` (GET /entities); only the first directive decides. */
export function parseOrderParams(orders: string[]): { field: SortField; order: "asc" | "desc"; name: string } | undefined {
  const parsed = orders.map((item) => {
    const match = /^(asc|desc):(.+)$/.exec(item);
    if (!match) throw inputError(`Invalid order parameter "${item}", expected "<asc or desc>:<field name>"`);
    return { field: orderField(match[2]!), order: match[1] as "asc" | "desc", name: match[2]! };
  });
  return parsed[0];
}

/** `orderField=metadata.name,asc` (GET /entities/by-query). */
export function parseOrderFieldParams(orderFields: string[]): { field: SortField; order: "asc" | "desc"; name: string } | undefined {
  const parsed = orderFields.map((item) => {
    const [name = "", order] = item.split(",");
    if (order !== undefined && order !== "asc" && order !== "desc") throw inputError("Invalid order field order, must be asc or desc");
    return { field: orderField(name), order: (order ?? "asc") as "asc" | "desc", name };
  });
  return parsed[0];
}

export function parseIntegerParam(value: string | null, name: string, min: number): number | undefined {
  if (value === null) return undefined;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isInteger(parsed) || String(parsed) !== value) throw inputError(`Invalid ${name}, not an integer`);
  if (parsed < min) throw inputError(`Invalid ${name}, must be ${min === 0 ? "zero or greater" : "greater than zero"}`);
  return parsed;
}

/** `fields=kind,metadata.name` (comma-separated and/or repeated). */
export function parseFieldsParams(fields: string[]): string[] | undefined {
  const list = fields
    .flatMap((value) => value.split(","))
    .map((field) => field.trim())
    .filter(Boolean);
  if (list.some((field) => field.includes("["))) throw inputError("invalid fields, array type fields are not supported");
  return list.length ? list : undefined;
}

/**
 * Keeps only `fields` of an entity. Like Backstage, a field's dots are matched greedily against
 * the keys that exist, so `metadata.annotations.backstage.io/orphan` finds the dotted key.
 */
export function projectFields(entity: Record<string, unknown>, fields: string[] | undefined): Record<string, unknown> {
  if (!fields) return entity;
  const output: Record<string, unknown> = {};
  for (const field of fields) {
    const path: string[] = [];
    let node: unknown = entity;
    let pending = "";
    for (const part of field.split(".")) {
      pending = pending ? `${pending}.${part}` : part;
      if (node && typeof node === "object" && !Array.isArray(node) && pending in (node as object)) {
        path.push(pending);
        node = (node as Record<string, unknown>)[pending];
        pending = "";
      }
    }
    if (pending || node === undefined) continue;
    let target = output;
    path.slice(0, -1).forEach((key) => {
      target = (target[key] ??= {}) as Record<string, unknown>;
    });
    target[path.at(-1)!] = node;
  }
  return output;
}

/** Whether a response with these fields needs each entity's relations. */
export function wantsRelations(fields: string[] | undefined): boolean {
  return !fields || fields.some((field) => field === "relations" || field.startsWith("relations."));
}
