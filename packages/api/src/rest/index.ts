export { handleRestRequest, restRoutes, CATALOG_BASE, PUSH_BASE } from "./routes";
export { createRestHandler } from "./router";
export type { Route, RouteAccess, HttpMethod } from "./router";
export { openApiDocument, openApiYaml } from "./openapi/document";
