import { stringifyEntityRef, tryParseEntityRef } from "@greenroom/catalog";
import { withTenant } from "@greenroom/db";

import {
  findLocationSource,
  listLocations,
  refreshLocation,
  registerLocation,
  removeLocation,
  toLocation,
} from "../../locations/location-service";
import { inputError, notFoundError, RestError } from "../errors";
import { empty, json, readJsonObject } from "../http";
import { authed, type RouteContext } from "../router";
import { parseIntegerParam } from "./query-params";

/** Backstage's location endpoints over Greenroom's LOCATION sources (id = source id). */

export async function getLocations(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const locations = await withTenant({ tenantId: principal.tenantId }, (db) => listLocations(db));
  return json(locations.map(({ id, type, target }) => ({ data: { id, type, target } })));
}

/** `POST /locations/by-query` `{ limit?, cursor? }`: locations in pages (predicate queries are not supported). */
export async function queryLocations(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  // The client sends `{}` for "everything"; Backstage's body check would call that empty.
  const body = await readJsonObject(context.request).catch((error: unknown) => {
    if (error instanceof RestError && error.message === "Empty request body") return {} as Record<string, unknown>;
    throw error;
  });
  if (body.query !== undefined) throw inputError("Location queries by predicate are not supported; list all locations and filter them yourself");
  const limit = parseIntegerParam(body.limit === undefined ? null : String(body.limit), "limit", 1) ?? 50;
  const offset = typeof body.cursor === "string" ? Number.parseInt(Buffer.from(body.cursor, "base64").toString("utf8"), 10) || 0 : 0;
  const locations = await withTenant({ tenantId: principal.tenantId }, (db) => listLocations(db));
  const page = locations.slice(offset, offset + limit).map(({ id, type, target }) => ({ id, type, target }));
  const next = offset + limit < locations.length ? Buffer.from(String(offset + limit)).toString("base64") : undefined;
  return json({ items: page, totalItems: locations.length, pageInfo: next ? { nextCursor: next } : {} });
}

export async function getLocation(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const source = await withTenant({ tenantId: principal.tenantId }, (db) => findLocationSource(db, context.params.id!));
  return json(toLocation(source));
}

/**
 * `POST /locations?dryRun=&onConflict=` `{ type: "url", target }` → 201 `{ location, entities, exists? }`.
 * The URL is read now (Backstage defers that to its processing loop), so a bad URL is a 400/404
 * here instead of an error status on an entity later.
 */
export async function createLocation(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const body = await readJsonObject(context.request);
  const unknown = Object.keys(body).filter((key) => !["type", "target", "presence"].includes(key));
  if (typeof body.type !== "string" || typeof body.target !== "string" || unknown.length) {
    throw inputError(`Malformed request: expected { type: string, target: string, presence?: "required" | "optional" }${unknown.length ? `, got unknown key(s) ${unknown.join(", ")}` : ""}`);
  }
  if (body.type !== "url") throw inputError("Registered locations must be of type 'url'");
  const dryRun = ["true", "1", "yes", "y"].includes((context.url.searchParams.get("dryRun") ?? "").toLowerCase());
  const onConflict = context.url.searchParams.get("onConflict") ?? "reject";
  if (onConflict !== "reject" && onConflict !== "refresh") throw inputError("Invalid onConflict, must be reject or refresh");
  const applied = await registerLocation(principal.tenantId, { target: body.target, dryRun, onConflict });
  return json({ location: applied.location, entities: applied.entities, ...(dryRun || applied.exists ? { exists: applied.exists } : {}) }, 201);
}

export async function deleteLocation(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  await withTenant({ tenantId: principal.tenantId }, (db) => removeLocation(db, context.params.id!));
  return empty(204);
}

/** The location an entity came from; 404 when it came from elsewhere (push API, upload, integration). */
export async function getLocationByEntity(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const { kind, namespace, name } = context.params;
  const ref = `${kind}:${namespace}/${name}`.toLowerCase();
  const location = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const entity = await db.catalogReads.getByRef(ref);
    const source = entity?.sourceId ? await db.catalogSources.findById(entity.sourceId) : null;
    return source?.kind === "LOCATION" ? toLocation(source) : null;
  });
  if (!location) throw notFoundError(`No location found for entity ${ref}`);
  return json(location);
}

/**
 * `POST /refresh` `{ entityRef }`: re-reads the location the entity came from, now. Entities of
 * integrations refresh on their own schedule and by webhook; for them this is a no-op.
 */
export async function refreshEntity(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const body = await readJsonObject(context.request);
  if (typeof body.entityRef !== "string") throw inputError("Malformed request: entityRef must be a string");
  const parsed = tryParseEntityRef(body.entityRef);
  if (!parsed.ok) throw inputError(parsed.error);
  const ref = stringifyEntityRef(parsed.ref);
  const sourceId = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const entity = await db.catalogReads.getByRef(ref);
    if (!entity) throw notFoundError(`No entity ${ref}`);
    const source = entity.sourceId ? await db.catalogSources.findById(entity.sourceId) : null;
    return source?.kind === "LOCATION" ? source.id : null;
  });
  if (sourceId) await refreshLocation(principal.tenantId, sourceId);
  return empty(200);
}
