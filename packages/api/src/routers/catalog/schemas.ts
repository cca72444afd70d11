import { SORT_FIELDS, type EntityFilters, type SortField } from "@greenroom/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

// Inputs shared by the catalog procedures. Names, kinds and namespaces are compared
// case-insensitively (Backstage does too); refs are stored as canonical lower-case strings.

const ZFilterValues = z.array(z.string().trim().min(1).max(300)).max(50);

/** The table's filters. Each is a list of accepted values (OR within a filter, AND across). */
export const ZEntityFilters = z.object({
  kind: ZFilterValues.optional(),
  type: ZFilterValues.optional(),
  owner: ZFilterValues.optional(),
  lifecycle: ZFilterValues.optional(),
  tag: ZFilterValues.optional(),
  system: ZFilterValues.optional(),
  namespace: ZFilterValues.optional(),
});
export type EntityFiltersInput = z.infer<typeof ZEntityFilters>;

/** Owner and system filters take refs; a bare name gets the kind the field implies. */
export function toEntityFilters(input: EntityFiltersInput | undefined): EntityFilters {
  const filters: EntityFilters = { ...input };
  if (input?.owner) filters.owner = input.owner.map((value) => qualifyRef(value, "group"));
  if (input?.system) filters.system = input.system.map((value) => qualifyRef(value, "system"));
  return filters;
}

/** `team-a` → `group:default/team-a`; `user:jo` → `user:default/jo`; full refs unchanged. */
export function qualifyRef(value: string, defaultKind: string, defaultNamespace = "default"): string {
  const lower = value.toLowerCase();
  const colon = lower.indexOf(":");
  const slash = lower.indexOf("/");
  const kind = colon > 0 && (slash === -1 || colon < slash) ? lower.slice(0, colon) : defaultKind;
  const rest = colon > 0 && (slash === -1 || colon < slash) ? lower.slice(colon + 1) : lower;
  return rest.includes("/") ? `${kind}:${rest}` : `${kind}:${defaultNamespace}/${rest}`;
}

export const ZNamePart = z.string().trim().min(1, "Name an entity").max(253);

/** An entity as Backstage addresses it in URLs: kind, namespace, name. */
export const ZEntityName = z.object({ kind: z.string().trim().min(1).max(63), namespace: ZNamePart, name: ZNamePart });

export function refOf(input: { kind: string; namespace: string; name: string }): string {
  return `${input.kind}:${input.namespace}/${input.name}`.toLowerCase();
}

export function splitRef(ref: string): { kind: string; namespace: string; name: string } {
  const colon = ref.indexOf(":");
  const slash = ref.indexOf("/", colon + 1);
  return { kind: ref.slice(0, colon), namespace: ref.slice(colon + 1, slash), name: ref.slice(slash + 1) };
}

export const ZSort = z.object({
  field: z.enum(Object.keys(SORT_FIELDS) as [SortField, ...SortField[]]),
  order: z.enum(["asc", "desc"]).default("asc"),
});

type CursorPayload = { field: SortField; order: "asc" | "desc"; value: string | null; id: string };

const ZCursorPayload = z.object({
  field: ZSort.shape.field,
  order: z.enum(["asc", "desc"]),
  value: z.string().max(2_000).nullable(),
  id: z.uuid(),
});

/**
 * The page cursor is opaque to clients: the sort it was made for plus the last row's sort value
 * and id (keyset pagination, so page 2,000 costs what page 1 costs).
 */
export function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

export function decodeCursor(cursor: string, sort: { field: SortField; order: "asc" | "desc" }): { value: string | null; id: string } {
  let payload: CursorPayload | undefined;
  try {
    payload = ZCursorPayload.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    payload = undefined;
  }
  if (!payload || payload.field !== sort.field || payload.order !== sort.order) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This page link is out of date; start from the first page" });
  }
  return { value: payload.value, id: payload.id };
}

export function notFound(what = "This entity is not in the catalog"): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: what });
}

/** The relation types the dependency view walks (ownership and membership would swamp it). */
export const GRAPH_RELATIONS = [
  "dependsOn",
  "dependencyOf",
  "providesApi",
  "apiProvidedBy",
  "consumesApi",
  "apiConsumedBy",
  "partOf",
  "hasPart",
] as const;

/**
 * Runs reads one after another. They share the request's one transaction connection, so
 * Promise.all would gain nothing and makes node-postgres queue queries on a busy client.
 */
export async function inOrder<T extends readonly (() => Promise<unknown>)[]>(...steps: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
