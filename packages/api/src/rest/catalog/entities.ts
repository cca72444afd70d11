import { stringifyEntityRef, tryParseEntityRef } from "@greenroom/catalog";
import { removeEntities } from "@greenroom/catalog/engine";
import { withTenant, type EntityFilters, type EntityListQuery, type SortField } from "@greenroom/db";

import { inputError, notFoundError } from "../errors";
import { empty, json, readJsonObject } from "../http";
import { authed, type RouteContext } from "../router";
import { sortValueOf, toApiEntities } from "./entity-output";
import { predicateToFilters } from "./predicate";
import { parseFieldsParams, parseFilterParams, parseIntegerParam, parseOrderParams } from "./query-params";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rows read per database round trip when a response has no limit. */
const PAGE = 500;

type AfterCursor = { limit: number; offset: number };

function parseAfter(after: string): AfterCursor {
  try {
    const cursor = JSON.parse(Buffer.from(after, "base64").toString("utf8")) as Partial<AfterCursor>;
    if (!Number.isInteger(cursor.limit) || !Number.isInteger(cursor.offset)) throw new Error("shape");
    return cursor as AfterCursor;
  } catch {
    throw inputError("Malformed after cursor, could not be parsed");
  }
}

/**
 * `GET /entities`: every matching entity (no limit: the response streams page by page, each page
 * its own short transaction), or a page with `offset`/`limit`/`after` and a `Link: rel="next"`
 * header like Backstage's. Ordered by entity ref unless `order=asc:<field>`.
 */
export async function getEntities(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const params = context.url.searchParams;
  const filters: EntityFilters = parseFilterParams(params.getAll("filter")) ?? {};
  const fields = parseFieldsParams(params.getAll("fields"));
  const order = parseOrderParams(params.getAll("order"));
  let offset = parseIntegerParam(params.get("offset"), "offset", 0);
  let limit = parseIntegerParam(params.get("limit"), "limit", 1);
  const afterParam = params.get("after");
  if (afterParam !== null) {
    if (!afterParam) throw inputError("Invalid after, must not be empty");
    ({ limit, offset } = parseAfter(afterParam));
  }
  const sort = { field: (order?.field ?? "ref") as SortField, order: order?.order ?? ("asc" as const) };
  const tenantId = principal.tenantId;

  if (limit !== undefined) {
    const pageLimit = limit;
    const { items, hasNext } = await withTenant({ tenantId }, async (db) => {
      const rows = await db.catalogReads.list({ filters, sort, offset, limit: pageLimit + 1, withDocument: true });
      return { items: await toApiEntities(db, rows.slice(0, pageLimit), fields), hasNext: rows.length > pageLimit };
    });
    const headers: Record<string, string> = {};
    if (hasNext) {
      const next = new URL(context.url);
      next.searchParams.delete("offset");
      next.searchParams.set("after", Buffer.from(JSON.stringify({ limit: pageLimit, offset: (offset ?? 0) + pageLimit })).toString("base64"));
      headers.link = `<${next.pathname}${next.search}>; rel="next"`;
    }
    return json(items, 200, headers);
  }

  // No limit: stream a JSON array, fetching the next page only when the client has read the last.
  const encoder = new TextEncoder();
  let after: EntityListQuery["after"];
  let first = true;
  let skip = offset;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const rows = await withTenant({ tenantId }, async (db) => {
          const page = await db.catalogReads.list({ filters, sort, after, offset: skip, limit: PAGE, withDocument: true });
          return { page, items: await toApiEntities(db, page, fields) };
        });
        skip = undefined;
        const text = rows.items.map((item) => JSON.stringify(item)).join(",");
        controller.enqueue(encoder.encode(`${first ? "[" : rows.items.length ? "," : ""}${text}`));
        first = false;
        const last = rows.page.at(-1);
        if (rows.page.length < PAGE || !last) {
          controller.enqueue(encoder.encode("]"));
          controller.close();
          return;
        }
        after = { value: sortValueOf(last, sort.field), id: last.id };
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": "application/json; charset=utf-8" } });
}

export async function getEntityByUid(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const uid = context.params.uid!;
  const entity = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const row = UUID.test(uid) ? await db.catalogReads.getById(uid) : null;
    return row ? (await toApiEntities(db, [row]))[0] : null;
  });
  if (!entity) throw notFoundError(`No entity with uid ${uid}`);
  return json(entity);
}

/**
 * `DELETE /entities/by-uid/{uid}`. As in Backstage, this sticks for orphans; an entity a source
 * still emits comes back on that source's next sync. Unlike Backstage, an unknown uid is 404.
 */
export async function deleteEntityByUid(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const uid = context.params.uid!;
  const deleted = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const row = UUID.test(uid) ? await db.catalogReads.getById(uid) : null;
    if (row) await removeEntities(db, [row.id]);
    return Boolean(row);
  });
  if (!deleted) throw notFoundError(`No entity with uid ${uid}`);
  return empty(204);
}

function refFromParams(params: Record<string, string>): string {
  return `${params.kind}:${params.namespace}/${params.name}`.toLowerCase();
}

export async function getEntityByName(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const { kind, namespace, name } = context.params;
  const entity = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const row = await db.catalogReads.getByRef(refFromParams(context.params));
    return row ? (await toApiEntities(db, [row]))[0] : null;
  });
  if (!entity) throw notFoundError(`No entity named '${name}' found, with kind '${kind}' in namespace '${namespace}'`);
  return json(entity);
}

/**
 * `GET /entities/by-name/…/ancestry`. Backstage lists the entities whose processing emitted this
 * one; Greenroom's sources are not entities, so the ancestry is the entity itself.
 */
export async function getEntityAncestry(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const ref = refFromParams(context.params);
  const entity = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const row = await db.catalogReads.getByRef(ref);
    return row ? (await toApiEntities(db, [row]))[0] : null;
  });
  if (!entity) throw notFoundError(`No such entity ${ref}`);
  return json({ rootEntityRef: ref, items: [{ entity, parentEntityRefs: [] }] });
}

function canonicalRef(ref: string): string | null {
  const parsed = tryParseEntityRef(ref);
  return parsed.ok ? stringifyEntityRef(parsed.ref) : null;
}

const MAX_REFS = 10_000;

/** `POST /entities/by-refs`: items in request order, null where a ref is unknown or filtered out. */
export async function getEntitiesByRefs(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const body = await readJsonObject(context.request);
  const refs = body.entityRefs;
  if (!Array.isArray(refs) || refs.some((ref) => typeof ref !== "string")) {
    throw inputError("Malformed request body (did you remember to specify an application/json content type?), entityRefs must be an array of strings");
  }
  if (refs.length > MAX_REFS) throw inputError(`Ask for at most ${MAX_REFS} entity refs per request`);
  if (body.fields !== undefined && (!Array.isArray(body.fields) || body.fields.some((field) => typeof field !== "string"))) {
    throw inputError("Malformed request body, fields must be an array of strings");
  }
  const fields = parseFieldsParams([...((body.fields as string[] | undefined) ?? []), ...context.url.searchParams.getAll("fields")]);
  // Newer clients send a filter predicate in the body instead of `filter=` params.
  const filter = body.query !== undefined ? predicateToFilters(body.query) : parseFilterParams(context.url.searchParams.getAll("filter"));
  const canonical = (refs as string[]).map(canonicalRef);
  const wanted = [...new Set(canonical.filter((ref): ref is string => Boolean(ref)))];
  const byRef = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const found = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < wanted.length; i += 1_000) {
      const part = wanted.slice(i, i + 1_000);
      const rows = await db.catalogReads.list({ filters: { ...filter, refs: part }, limit: part.length, withDocument: true });
      const entities = await toApiEntities(db, rows, fields);
      rows.forEach((row, index) => found.set(row.ref, entities[index]!));
    }
    return found;
  });
  return json({ items: canonical.map((ref) => (ref ? (byRef.get(ref) ?? null) : null)) });
}
