import { parseLocationRef, validateEntity } from "@greenroom/catalog";
import { withTenant, type EntityFilters } from "@greenroom/db";

import { inputError } from "../errors";
import { empty, json, readJsonObject } from "../http";
import { authed, type RouteContext } from "../router";
import { predicateToFilters } from "./predicate";
import { keyToPath, parseFilterParams } from "./query-params";

/**
 * `GET /entity-facets?facet=kind&facet=spec.type&filter=…`: counts per value, values as written
 * (original case), `{ facets: { [facet]: [{ value, count }] } }` like Backstage. Any document
 * path works; `relations.<type>` counts relation targets.
 */
export async function getEntityFacets(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const facets = context.url.searchParams.getAll("facet").filter(Boolean);
  return facetsResponse(principal.tenantId, facets, parseFilterParams(context.url.searchParams.getAll("filter")) ?? {});
}

/** `POST /entity-facets` `{ facets, query? }`: the same with a filter predicate. */
export async function getEntityFacetsByPredicate(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const body = await readJsonObject(context.request);
  const facets = body.facets;
  if (!Array.isArray(facets) || facets.some((facet) => typeof facet !== "string")) throw inputError("Missing facet parameter: facets must be an array of strings");
  return facetsResponse(principal.tenantId, (facets as string[]).filter(Boolean), body.query === undefined ? {} : predicateToFilters(body.query));
}

async function facetsResponse(tenantId: string, facets: string[], filters: EntityFilters): Promise<Response> {
  if (!facets.length) throw inputError("Missing facet parameter");
  if (facets.length > 20) throw inputError("Ask for at most 20 facets per request");
  const result = await withTenant({ tenantId }, async (db) => {
    const out: Record<string, { value: string; count: number }[]> = {};
    for (const facet of facets) {
      const relation = /^relations\.([^.]+)$/i.exec(facet);
      if (relation) out[facet] = await db.catalogReads.relationFacet(filters, relation[1]!);
      else if (facet.toLowerCase() === "metadata.uid") out[facet] = [];
      else out[facet] = await db.catalogReads.documentFacet(filters, keyToPath(facet));
    }
    return out;
  });
  return json({ facets: result });
}

function serializeError(message: string) {
  return { name: "InputError", message };
}

/**
 * `POST /validate-entity` `{ entity, location: "url:…" }`: 200 when Greenroom (and so Backstage)
 * would accept the entity, else 400 `{ errors: [{ name, message }] }`. Nothing is stored.
 */
export async function validateEntityRoute(context: RouteContext): Promise<Response> {
  authed(context);
  const body = await readJsonObject(context.request);
  if (typeof body.location !== "string") return json({ errors: [serializeError("Malformed request: location must be a string such as url:https://…")] }, 400);
  try {
    const location = parseLocationRef(body.location);
    if (location.type !== "url") throw new Error(`Invalid location ref ${body.location}, only 'url:<target>' is supported, e.g. url:https://host/path`);
  } catch (error) {
    return json({ errors: [serializeError((error as Error).message)] }, 400);
  }
  const result = validateEntity(body.entity, { documentIndex: 0, sourceName: body.location });
  if (result.errors.length) return json({ errors: result.errors.map((error) => serializeError(error.path ? `${error.path}: ${error.message}` : error.message)) }, 400);
  return empty(200);
}
