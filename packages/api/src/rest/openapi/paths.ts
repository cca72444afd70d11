import { errorResponses } from "./components";

/** The catalog REST API (Backstage-compatible) and the push API, path by path. */

const p = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (body: unknown, description = "OK") => ({ description, content: { "application/json": { schema: body } } });
const entity = schema("Entity");
const byName = [p("kind"), p("namespace"), p("name")];
const read = { security: [{ apiToken: [] }] };
const jsonRequest = (body: unknown) => ({ required: true, content: { "application/json": { schema: body } } });
const facetsBody = jsonBody({
  type: "object",
  properties: { facets: { type: "object", additionalProperties: { type: "array", items: { type: "object", properties: { value: { type: "string" }, count: { type: "integer" } } } } } },
});

export const catalogPaths = {
  "/api/catalog/entities": {
    get: {
      ...read,
      summary: "List entities",
      description: "Every matching entity (streamed), or a page with offset/limit/after and a Link rel=next header. Ordered by entity ref unless `order` is given.",
      parameters: [
        p("filter"),
        p("fields"),
        p("offset"),
        p("limit"),
        { name: "after", in: "query", description: "Cursor from a Link header.", schema: { type: "string" } },
        { name: "order", in: "query", description: "`asc:<field>` or `desc:<field>`.", schema: { type: "array", items: { type: "string" } }, style: "form", explode: true },
      ],
      responses: { "200": jsonBody({ type: "array", items: entity }), ...errorResponses("BadRequest", "Unauthorized") },
    },
  },
  "/api/catalog/entities/by-query": {
    get: {
      ...read,
      summary: "Query entities with cursor pagination",
      parameters: [
        p("filter"),
        p("fields"),
        p("limit"),
        p("offset"),
        { name: "orderField", in: "query", description: "`<field>,asc|desc`; the first one orders.", schema: { type: "array", items: { type: "string" } }, style: "form", explode: true },
        { name: "cursor", in: "query", description: "pageInfo.nextCursor or prevCursor of an earlier page; wins over filter/order/full-text parameters.", schema: { type: "string" } },
        { name: "fullTextFilterTerm", in: "query", description: "Case-insensitive substring.", schema: { type: "string" } },
        { name: "fullTextFilterFields", in: "query", description: "Comma-separated paths searched by fullTextFilterTerm (default: the order field, else metadata.name and metadata.title).", schema: { type: "string" } },
        { name: "totalItems", in: "query", description: "`exclude` skips counting (totalItems is then 0).", schema: { type: "string", enum: ["include", "exclude"] } },
      ],
      responses: {
        "200": jsonBody({ type: "object", required: ["items", "totalItems", "pageInfo"], properties: { items: { type: "array", items: entity }, totalItems: { type: "integer" }, pageInfo: schema("PageInfo") } }),
        ...errorResponses("BadRequest", "Unauthorized"),
      },
    },
    post: {
      ...read,
      summary: "Query entities with a filter predicate",
      description: "Predicates: field values (case-insensitive), `$all`, `$any`, `$not`, `$exists`, `$in`. Pages with `cursor` like the GET form.",
      requestBody: {
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: {
                query: { type: "object", examples: [{ kind: "component", "spec.type": { $in: ["service", "website"] } }] },
                orderBy: { type: "array", items: { type: "object", properties: { field: { type: "string" }, order: { type: "string", enum: ["asc", "desc"] } } } },
                fullTextFilter: { type: "object", properties: { term: { type: "string" }, fields: { type: "array", items: { type: "string" } } } },
                fields: { type: "array", items: { type: "string" } },
                limit: { type: "integer", minimum: 0 },
                offset: { type: "integer", minimum: 0 },
                cursor: { type: "string" },
                totalItems: { type: "string", enum: ["include", "exclude"] },
              },
            },
          },
        },
      },
      responses: {
        "200": jsonBody({ type: "object", required: ["items", "totalItems", "pageInfo"], properties: { items: { type: "array", items: entity }, totalItems: { type: "integer" }, pageInfo: schema("PageInfo") } }),
        ...errorResponses("BadRequest", "Unauthorized"),
      },
    },
  },
  "/api/catalog/entities/by-refs": {
    post: {
      ...read,
      summary: "Get entities by refs, in request order (null where unknown)",
      parameters: [p("filter")],
      requestBody: jsonRequest({ type: "object", required: ["entityRefs"], properties: { entityRefs: { type: "array", items: { type: "string" } }, fields: { type: "array", items: { type: "string" } } } }),
      responses: {
        "200": jsonBody({ type: "object", required: ["items"], properties: { items: { type: "array", items: { oneOf: [entity, { type: "null" }] } } } }),
        ...errorResponses("BadRequest", "Unauthorized"),
      },
    },
  },
  "/api/catalog/entities/by-uid/{uid}": {
    get: { ...read, summary: "Get an entity by uid", parameters: [p("uid")], responses: { "200": jsonBody(entity), ...errorResponses("Unauthorized", "NotFound") } },
    delete: {
      ...read,
      summary: "Delete an entity by uid (needs a WRITE token)",
      description: "Sticks for orphans; an entity its source still emits returns on that source's next sync.",
      parameters: [p("uid")],
      responses: { "204": { description: "Deleted" }, ...errorResponses("Unauthorized", "Forbidden", "NotFound") },
    },
  },
  "/api/catalog/entities/by-name/{kind}/{namespace}/{name}": {
    get: { ...read, summary: "Get an entity by kind, namespace and name", parameters: byName, responses: { "200": jsonBody(entity), ...errorResponses("Unauthorized", "NotFound") } },
  },
  "/api/catalog/entities/by-name/{kind}/{namespace}/{name}/ancestry": {
    get: {
      ...read,
      summary: "An entity's ancestry (the entity itself: sources are not entities)",
      parameters: byName,
      responses: {
        "200": jsonBody({ type: "object", properties: { rootEntityRef: { type: "string" }, items: { type: "array", items: { type: "object", properties: { entity, parentEntityRefs: { type: "array", items: { type: "string" } } } } } } }),
        ...errorResponses("Unauthorized", "NotFound"),
      },
    },
  },
  "/api/catalog/entity-facets": {
    get: {
      ...read,
      summary: "Counts per value of entity fields",
      parameters: [{ name: "facet", in: "query", required: true, schema: { type: "array", items: { type: "string" } }, style: "form", explode: true }, p("filter")],
      responses: {
        "200": facetsBody,
        ...errorResponses("BadRequest", "Unauthorized"),
      },
    },
    post: {
      ...read,
      summary: "Counts per value of entity fields, filtered by a predicate",
      requestBody: jsonRequest({ type: "object", required: ["facets"], properties: { facets: { type: "array", items: { type: "string" } }, query: { type: "object" } } }),
      responses: { "200": facetsBody, ...errorResponses("BadRequest", "Unauthorized") },
    },
  },
  "/api/catalog/validate-entity": {
    post: {
      ...read,
      summary: "Validate an entity without storing it",
      requestBody: jsonRequest({ type: "object", required: ["entity", "location"], properties: { entity: { type: "object" }, location: { type: "string", examples: ["url:https://example.com/catalog-info.yaml"] } } }),
      responses: {
        "200": { description: "Valid" },
        "400": jsonBody({ type: "object", properties: { errors: { type: "array", items: { type: "object", properties: { name: { type: "string" }, message: { type: "string" } } } } } }, "Invalid: every problem, in words"),
        ...errorResponses("Unauthorized"),
      },
    },
  },
  "/api/catalog/refresh": {
    post: {
      ...read,
      summary: "Re-read the location an entity came from, now (needs a WRITE token)",
      requestBody: jsonRequest({ type: "object", required: ["entityRef"], properties: { entityRef: { type: "string" } } }),
      responses: { "200": { description: "Refreshed (a no-op for entities of integrations and the push API)" }, ...errorResponses("BadRequest", "Unauthorized", "Forbidden", "NotFound") },
    },
  },
  "/api/catalog/locations": {
    get: {
      ...read,
      summary: "List registered locations",
      responses: { "200": jsonBody({ type: "array", items: { type: "object", properties: { data: schema("Location") } } }), ...errorResponses("Unauthorized") },
    },
    post: {
      ...read,
      summary: "Register a location by URL (needs a WRITE token)",
      description: "Reads the URL now (http/https; private addresses refused), follows kind: Location targets, and applies everything as the source url:<target>.",
      parameters: [
        { name: "dryRun", in: "query", schema: { type: "string", enum: ["true", "false"] } },
        { name: "onConflict", in: "query", schema: { type: "string", enum: ["reject", "refresh"] } },
      ],
      requestBody: jsonRequest({ type: "object", required: ["type", "target"], additionalProperties: false, properties: { type: { type: "string", const: "url" }, target: { type: "string" }, presence: { type: "string", enum: ["required", "optional"] } } }),
      responses: {
        "201": jsonBody({ type: "object", properties: { location: schema("Location"), entities: { type: "array", items: entity }, exists: { type: "boolean" } } }, "Registered (or, with dryRun, what would be)"),
        ...errorResponses("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict"),
      },
    },
  },
  "/api/catalog/locations/by-query": {
    post: {
      ...read,
      summary: "Page through registered locations",
      requestBody: { content: { "application/json": { schema: { type: "object", properties: { limit: { type: "integer" }, cursor: { type: "string" } } } } } },
      responses: {
        "200": jsonBody({ type: "object", properties: { items: { type: "array", items: schema("Location") }, totalItems: { type: "integer" }, pageInfo: schema("PageInfo") } }),
        ...errorResponses("BadRequest", "Unauthorized"),
      },
    },
  },
  "/api/catalog/locations/{id}": {
    get: { ...read, summary: "Get a location", parameters: [p("locationId")], responses: { "200": jsonBody(schema("Location")), ...errorResponses("Unauthorized", "NotFound") } },
    delete: {
      ...read,
      summary: "Unregister a location and delete its entities (needs a WRITE token)",
      parameters: [p("locationId")],
      responses: { "204": { description: "Removed" }, ...errorResponses("Unauthorized", "Forbidden", "NotFound") },
    },
  },
  "/api/catalog/locations/by-entity/{kind}/{namespace}/{name}": {
    get: { ...read, summary: "The location an entity came from", parameters: byName, responses: { "200": jsonBody(schema("Location")), ...errorResponses("Unauthorized", "NotFound") } },
  },
};

const pushBody = {
  required: true,
  description: "Multi-document YAML, or JSON: an array of entities, `{ items: [...] }`, or (PATCH only) `{ entities: [...], remove: [refs] }`.",
  content: {
    "application/yaml": { schema: { type: "string" } },
    "application/json": { schema: { oneOf: [{ type: "array", items: { type: "object" } }, { type: "object" }] } },
  },
};
const pushResponses = {
  "200": jsonBody(schema("PushResult"), "Applied. Documents listed in `errors` were skipped; the rest were written."),
  "202": jsonBody(schema("PushResult"), "Held by the mass-deletion guard: nothing written until an admin confirms it in the portal."),
  "400": jsonBody({ type: "object", properties: { source: { type: "string" }, error: { type: "object" }, errors: { type: "array", items: schema("DocumentError") } } }, "Nothing usable in the body; nothing was changed."),
  ...errorResponses("Unauthorized", "Forbidden", "PayloadTooLarge"),
};

export const pushPaths = {
  "/api/v1/sources/{source}": {
    parameters: [p("source")],
    get: {
      ...read,
      summary: "A push source's state: entity count, last push, its errors, held syncs",
      responses: { "200": jsonBody({ type: "object", properties: { source: { type: "string" }, entityCount: { type: "integer" }, lastPushAt: { type: ["string", "null"] }, errors: { type: "array" }, heldMutations: { type: "array" } } }), ...errorResponses("Unauthorized", "NotFound") },
    },
    put: { ...read, summary: "Replace everything the source owns (full mutation; idempotent)", requestBody: pushBody, responses: pushResponses },
    patch: {
      ...read,
      summary: "Upsert documents and remove refs (delta)",
      parameters: [{ name: "remove", in: "query", description: "Entity refs to remove from this source.", schema: { type: "array", items: { type: "string" } }, style: "form", explode: true }],
      requestBody: pushBody,
      responses: pushResponses,
    },
    delete: {
      ...read,
      summary: "Remove the source and its entities",
      responses: { "200": jsonBody({ type: "object", properties: { source: { type: "string" }, deleted: { type: "integer" } } }), ...errorResponses("Unauthorized", "Forbidden", "NotFound") },
    },
  },
};
