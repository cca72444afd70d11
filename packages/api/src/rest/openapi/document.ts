import { stringify } from "yaml";

import { parameters, responses, schemas, securitySchemes } from "./components";
import { catalogPaths, pushPaths } from "./paths";

/**
 * The OpenAPI 3.1 description of the catalog REST API and the push API, served at
 * /api/openapi.yaml (and .json). Written by hand as data; a test validates it and checks that
 * every route of the route table is described.
 */
export function openApiDocument(serverUrl = "/") {
  return {
    openapi: "3.1.0",
    info: {
      title: "Greenroom catalog API",
      version: "1",
      description: [
        "The software catalog over HTTP, authenticated with an org API token (`Authorization: Bearer grt_…`).",
        "",
        "`/api/catalog` speaks Backstage's catalog REST API: point `@backstage/catalog-client` at `<origin>/api/catalog`.",
        "Errors have Backstage's shape: `{ error: { name, message }, request: { method, url }, response: { statusCode } }`.",
        "",
        "`/api/v1/sources/{source}` is the push API for CI: PUT replaces what a source owns, PATCH upserts and removes, DELETE removes it.",
      ].join("\n"),
    },
    servers: [{ url: serverUrl }],
    security: [{ apiToken: [] }],
    paths: { ...catalogPaths, ...pushPaths },
    components: { schemas, parameters, responses, securitySchemes },
  };
}

export function openApiYaml(serverUrl?: string): string {
  return stringify(openApiDocument(serverUrl), { aliasDuplicateObjects: false, lineWidth: 0 });
}
