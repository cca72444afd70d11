/** Shared parts of the OpenAPI description: schemas, parameters, responses, security. */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

export const responses = {
  BadRequest: errorResponse("InputError: a parameter or the body is malformed."),
  Unauthorized: errorResponse("AuthenticationError: no token, a malformed one, or a revoked one."),
  Forbidden: errorResponse("NotAllowedError: the token is read-only and the request changes the catalog."),
  NotFound: errorResponse("NotFoundError: nothing with that id, ref or name in this organization."),
  Conflict: errorResponse("ConflictError: it exists already."),
  PayloadTooLarge: errorResponse("PayloadTooLargeError: the body is over the size limit; nothing was read past it."),
};

export const errorResponses = (...codes: (keyof typeof responses)[]) =>
  Object.fromEntries(
    codes.map((code) => [
      { BadRequest: "400", Unauthorized: "401", Forbidden: "403", NotFound: "404", Conflict: "409", PayloadTooLarge: "413" }[code],
      { $ref: `#/components/responses/${code}` },
    ]),
  );

const stringParam = (name: string, where: "path" | "query", description: string, extra: Record<string, unknown> = {}) => ({
  name,
  in: where,
  required: where === "path",
  description,
  schema: { type: "string" },
  ...extra,
});

export const parameters = {
  kind: stringParam("kind", "path", "Entity kind, case-insensitive (e.g. component)."),
  namespace: stringParam("namespace", "path", "Entity namespace, case-insensitive (usually default)."),
  name: stringParam("name", "path", "Entity name, case-insensitive."),
  uid: stringParam("uid", "path", "The entity's metadata.uid."),
  locationId: stringParam("id", "path", "The location's id."),
  source: stringParam("source", "path", 'Push source name: 1-100 letters, digits, ".", "_" or "-" (e.g. "payments-ci"). Stored as push:<source>.'),
  filter: {
    name: "filter",
    in: "query",
    description:
      "Filter sets. Conditions in one set (comma-separated, `key` or `key=value`) are ANDed; repeated `filter` params are ORed. Case-insensitive. Keys are entity paths (arrays descended), `relations.<type>=<targetRef>`, or `metadata.tags.<tag>`. Example: `kind=component,spec.type=service`.",
    schema: { type: "array", items: { type: "string" } },
    style: "form",
    explode: true,
  },
  fields: {
    name: "fields",
    in: "query",
    description: "Comma-separated entity paths to keep (e.g. `kind,metadata.name,relations`); the rest is pruned.",
    schema: { type: "array", items: { type: "string" } },
    style: "form",
    explode: false,
  },
  limit: { name: "limit", in: "query", description: "Page size.", schema: { type: "integer", minimum: 0 } },
  offset: { name: "offset", in: "query", description: "Rows to skip.", schema: { type: "integer", minimum: 0 } },
};

export const schemas = {
  Error: {
    type: "object",
    required: ["error", "response"],
    properties: {
      error: { type: "object", required: ["name", "message"], properties: { name: { type: "string", examples: ["NotFoundError"] }, message: { type: "string" } } },
      request: { type: "object", properties: { method: { type: "string" }, url: { type: "string" } } },
      response: { type: "object", required: ["statusCode"], properties: { statusCode: { type: "integer" } } },
    },
  },
  EntityRelation: {
    type: "object",
    required: ["type", "targetRef"],
    properties: { type: { type: "string", examples: ["ownedBy"] }, targetRef: { type: "string", examples: ["group:default/team-a"] } },
  },
  Entity: {
    type: "object",
    description: "A Backstage entity as stored, plus metadata.uid, metadata.etag (content hash) and relations (both directions).",
    required: ["apiVersion", "kind", "metadata"],
    properties: {
      apiVersion: { type: "string", examples: ["backstage.io/v1alpha1"] },
      kind: { type: "string", examples: ["Component"] },
      metadata: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          namespace: { type: "string" },
          uid: { type: "string" },
          etag: { type: "string" },
          title: { type: "string" },
          description: { type: "string" },
          labels: { type: "object", additionalProperties: { type: "string" } },
          annotations: { type: "object", additionalProperties: { type: "string" } },
          tags: { type: "array", items: { type: "string" } },
        },
        additionalProperties: true,
      },
      spec: { type: "object", additionalProperties: true },
      relations: { type: "array", items: ref("EntityRelation") },
    },
    additionalProperties: true,
  },
  Location: {
    type: "object",
    required: ["id", "type", "target"],
    properties: { id: { type: "string" }, type: { type: "string", const: "url" }, target: { type: "string", format: "uri" } },
  },
  PageInfo: {
    type: "object",
    properties: { nextCursor: { type: "string" }, prevCursor: { type: "string" } },
  },
  DocumentError: {
    type: "object",
    description: "A problem with one document (or with the body as a whole when documentIndex is null).",
    required: ["path", "rule", "message"],
    properties: {
      documentIndex: { type: ["integer", "null"], description: "0-based position in the YAML stream or JSON array." },
      entityRef: { type: ["string", "null"] },
      path: { type: "string", description: "Field path, e.g. metadata.tags[2]; empty for the document itself." },
      rule: { type: "string", examples: ["entity-name", "yaml-syntax", "required"] },
      message: { type: "string" },
      line: { type: ["integer", "null"] },
    },
  },
  PushResult: {
    type: "object",
    required: ["source", "mode", "created", "updated", "unchanged", "deleted", "errors", "conflicts"],
    properties: {
      source: { type: "string", examples: ["push:payments-ci"] },
      mode: { type: "string", enum: ["full", "delta"] },
      accepted: { type: "integer", description: "Valid documents in the body." },
      created: { type: "integer" },
      updated: { type: "integer" },
      unchanged: { type: "integer" },
      deleted: { type: "integer" },
      errors: { type: "array", items: ref("DocumentError") },
      conflicts: {
        type: "array",
        items: { type: "object", properties: { entityRef: { type: "string" }, ownedBy: { type: "string" }, message: { type: "string" } } },
      },
      held: {
        oneOf: [
          { type: "null" },
          { type: "object", properties: { id: { type: "string" }, wouldDelete: { type: "integer" }, existingCount: { type: "integer" } } },
        ],
      },
      message: { type: "string", description: "Set on 202: what an admin must confirm." },
    },
  },
};

export const securitySchemes = {
  apiToken: {
    type: "http",
    scheme: "bearer",
    description: "An org API token (grt_…) from Settings → API tokens. READ tokens may call reads; changes need a WRITE token.",
  },
};
