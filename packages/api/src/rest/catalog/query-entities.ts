import { withTenant, type EntityFilters, type SortField } from "@greenroom/db";

import { inputError, RestError } from "../errors";
import { json, readJsonObject } from "../http";
import { authed, type RouteContext } from "../router";
import { sortValueOf, toApiEntities } from "./entity-output";
import { predicateToFilters } from "./predicate";
import { keyToPath, orderField, parseFieldsParams, parseFilterParams, parseIntegerParam, parseOrderFieldParams } from "./query-params";

/**
 * `GET /entities/by-query`: cursor pagination with `totalItems`, `pageInfo.nextCursor` and
 * `prevCursor`. The cursor is opaque base64 JSON carrying the query (filters, order, full-text
 * filter), the keyset position and the total, so later pages neither re-count nor accept a
 * changed query (as in Backstage, `cursor` wins over `filter`/`orderField`/`fullTextFilter*`).
 * Without `orderField` entities are ordered by ref (Backstage: by uid, an arbitrary but stable
 * order); ties break on uid.
 */

const DEFAULT_LIMIT = 200;
/** Backstage clients show totalItems as an exact number, so count past the portal's "10,000+" cap. */
const EXACT_COUNT_CAP = 10_000_000;
const MAX_LIMIT = 1_000;

type Key = { value: string | null; id: string };
type Cursor = {
  v: 1;
  filter: string[];
  /** A filter predicate (POST /entities/by-query); its presence also tells the client to page by POST. */
  query?: unknown;
  order: { field: SortField; order: "asc" | "desc"; name: string } | null;
  text: { term: string; fields: string[] } | null;
  /** Fetch rows after this key (forward) or before it (`isPrevious`). */
  key: Key;
  isPrevious: boolean;
  totalItems: number;
};

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64");
}

function decodeCursor(encoded: string): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(encoded, "base64").toString("utf8")) as Cursor;
    if (cursor.v !== 1 || !Array.isArray(cursor.filter) || typeof cursor.key?.id !== "string" || typeof cursor.totalItems !== "number") throw new Error("shape");
    return cursor;
  } catch {
    throw inputError("Malformed cursor: it was not issued by this API, or the query changed; start again without a cursor");
  }
}

function filtersOf(filter: string[], text: Cursor["text"], order: Cursor["order"], query?: unknown): EntityFilters {
  const filters: EntityFilters = parseFilterParams(filter) ?? {};
  if (query !== undefined) filters.allOf = [predicateToFilters(query)];
  if (text?.term) {
    // Backstage searches the sort field by default (else metadata.uid, which matches nothing
    // useful); Greenroom searches name and title when neither fields nor an order are given.
    const fields = text.fields.length ? text.fields : order ? [order.name] : ["metadata.name", "metadata.title"];
    filters.text = { term: text.term, paths: fields.filter((field) => field.toLowerCase() !== "metadata.uid").map(keyToPath) };
  }
  return filters;
}

type QueryShape = Pick<Cursor, "filter" | "order" | "text" | "query">;
type Paging = { fields?: string[]; limit: number; offset?: number; cursor: Cursor | null; totalMode: string | null };

export async function queryEntities(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const params = context.url.searchParams;
  const fields = parseFieldsParams(params.getAll("fields"));
  const limit = Math.min(parseIntegerParam(params.get("limit"), "limit", 0) ?? DEFAULT_LIMIT, MAX_LIMIT);
  const cursorParam = params.get("cursor");
  const totalMode = params.get("totalItems");
  if (cursorParam) {
    const cursor = decodeCursor(cursorParam);
    return respond(principal.tenantId, cursor, { fields, limit, cursor, totalMode });
  }
  const term = params.get("fullTextFilterTerm")?.trim() ?? "";
  const textFields = parseFieldsParams(params.getAll("fullTextFilterFields")) ?? [];
  const query: QueryShape = { filter: params.getAll("filter"), order: parseOrderFieldParams(params.getAll("orderField")) ?? null, text: term ? { term, fields: textFields } : null };
  return respond(principal.tenantId, query, { fields, limit, offset: parseIntegerParam(params.get("offset"), "offset", 0), cursor: null, totalMode });
}

const stringList = (value: unknown, name: string): string[] | undefined => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) throw inputError(`Invalid ${name}, must be an array of strings`);
  return value as string[];
};

/** `POST /entities/by-query` with `{ query, orderBy, fullTextFilter, fields, limit, offset, cursor, totalItems }`. */
export async function queryEntitiesByPredicate(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const body = await readJsonObject(context.request).catch((error: unknown) => {
    if (error instanceof RestError && error.message === "Empty request body") return {} as Record<string, unknown>;
    throw error;
  });
  const fields = parseFieldsParams(stringList(body.fields, "fields") ?? []);
  const limit = Math.min(typeof body.limit === "number" && Number.isInteger(body.limit) && body.limit >= 0 ? body.limit : DEFAULT_LIMIT, MAX_LIMIT);
  const totalMode = typeof body.totalItems === "string" ? body.totalItems : null;
  if (typeof body.cursor === "string" && body.cursor) {
    const cursor = decodeCursor(body.cursor);
    return respond(principal.tenantId, cursor, { fields, limit, cursor, totalMode });
  }
  const orderBy = body.orderBy === undefined ? [] : [body.orderBy].flat();
  const first = orderBy[0] as { field?: unknown; order?: unknown } | undefined;
  if (first && (typeof first.field !== "string" || (first.order !== undefined && first.order !== "asc" && first.order !== "desc"))) {
    throw inputError("Invalid orderBy, expected [{ field, order: asc | desc }]");
  }
  const text = body.fullTextFilter as { term?: unknown; fields?: unknown } | undefined;
  const term = typeof text?.term === "string" ? text.term.trim() : "";
  const query: QueryShape = {
    filter: [],
    query: body.query === undefined ? {} : body.query,
    order: first ? { field: orderField(first.field as string), order: (first.order as "asc" | "desc" | undefined) ?? "asc", name: first.field as string } : null,
    text: term ? { term, fields: stringList(text?.fields, "fullTextFilter.fields") ?? [] } : null,
  };
  predicateToFilters(query.query); // refuse a bad predicate before touching the database
  const offset = typeof body.offset === "number" && Number.isInteger(body.offset) && body.offset >= 0 ? body.offset : undefined;
  return respond(principal.tenantId, query, { fields, limit, offset, cursor: null, totalMode });
}

async function respond(tenantId: string, query: QueryShape, paging: Paging): Promise<Response> {
  const { fields, limit, offset, cursor, totalMode } = paging;
  if (totalMode !== null && totalMode !== "include" && totalMode !== "exclude") throw inputError("Invalid totalItems, must be include or exclude");
  const filters = filtersOf(query.filter, query.text, query.order, query.query);
  const field: SortField = query.order?.field ?? "ref";
  const order = query.order?.order ?? "asc";
  const backwards = cursor?.isPrevious ?? false;
  const inverted = order === "asc" ? "desc" : "asc";

  const page = await withTenant({ tenantId }, async (db) => {
    const totalItems = cursor ? cursor.totalItems : totalMode === "exclude" ? 0 : await db.catalogReads.count(filters, EXACT_COUNT_CAP);
    const rows =
      limit === 0
        ? []
        : await db.catalogReads.list({
            filters,
            sort: { field, order: backwards ? inverted : order },
            after: cursor?.key,
            offset,
            limit: limit + 1,
            withDocument: true,
          });
    const more = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    if (backwards) pageRows.reverse();
    return { totalItems, more, rows: pageRows, items: await toApiEntities(db, pageRows, fields) };
  });

  const keyOf = (row: (typeof page.rows)[number]): Key => ({ value: sortValueOf(row, field), id: row.id });
  const first = page.rows[0];
  const last = page.rows.at(-1);
  const base = { v: 1 as const, filter: query.filter, order: query.order, text: query.text, totalItems: page.totalItems, ...(query.query !== undefined ? { query: query.query } : {}) };
  // Forward: a next page exists if an extra row came back; a previous one if we got here by cursor.
  // Backward: the reverse.
  const hasNext = backwards ? Boolean(cursor) : page.more;
  const hasPrev = backwards ? page.more : Boolean(cursor);
  const pageInfo: { nextCursor?: string; prevCursor?: string } = {};
  if (hasNext && last) pageInfo.nextCursor = encodeCursor({ ...base, key: keyOf(last), isPrevious: false });
  if (hasPrev && first) pageInfo.prevCursor = encodeCursor({ ...base, key: keyOf(first), isPrevious: true });
  return json({ items: page.items, totalItems: page.totalItems, pageInfo });
}
