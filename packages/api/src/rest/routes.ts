import { deleteEntityByUid, getEntities, getEntitiesByRefs, getEntityAncestry, getEntityByName, getEntityByUid } from "./catalog/entities";
import { getEntityFacets, getEntityFacetsByPredicate, validateEntityRoute } from "./catalog/facets-and-validation";
import { createLocation, deleteLocation, getLocation, getLocationByEntity, getLocations, queryLocations, refreshEntity } from "./catalog/locations";
import { queryEntities, queryEntitiesByPredicate } from "./catalog/query-entities";
import { deleteSource, getSource, patchSource, putSource } from "./push/push-routes";
import { createRestHandler, type Route } from "./router";

/** Where `@backstage/catalog-client` is pointed: `new CatalogClient({ discoveryApi: { getBaseUrl: () => "<origin>/api/catalog" } })`. */
export const CATALOG_BASE = "/api/catalog";
export const PUSH_BASE = "/api/v1";

/**
 * Every REST route. Reads need a READ token, changes a WRITE token; the POSTs to by-refs,
 * by-query, entity-facets, locations/by-query and validate-entity are reads with a body.
 */
export const restRoutes: Route[] = [
  { method: "GET", path: `${CATALOG_BASE}/entities`, access: "read", handler: getEntities },
  { method: "GET", path: `${CATALOG_BASE}/entities/by-query`, access: "read", handler: queryEntities },
  { method: "POST", path: `${CATALOG_BASE}/entities/by-query`, access: "read", handler: queryEntitiesByPredicate },
  { method: "POST", path: `${CATALOG_BASE}/entities/by-refs`, access: "read", handler: getEntitiesByRefs },
  { method: "GET", path: `${CATALOG_BASE}/entities/by-uid/:uid`, access: "read", handler: getEntityByUid },
  { method: "DELETE", path: `${CATALOG_BASE}/entities/by-uid/:uid`, access: "write", handler: deleteEntityByUid },
  { method: "GET", path: `${CATALOG_BASE}/entities/by-name/:kind/:namespace/:name`, access: "read", handler: getEntityByName },
  { method: "GET", path: `${CATALOG_BASE}/entities/by-name/:kind/:namespace/:name/ancestry`, access: "read", handler: getEntityAncestry },
  { method: "GET", path: `${CATALOG_BASE}/entity-facets`, access: "read", handler: getEntityFacets },
  { method: "POST", path: `${CATALOG_BASE}/entity-facets`, access: "read", handler: getEntityFacetsByPredicate },
  { method: "POST", path: `${CATALOG_BASE}/validate-entity`, access: "read", handler: validateEntityRoute },
  { method: "POST", path: `${CATALOG_BASE}/refresh`, access: "write", handler: refreshEntity },
  { method: "GET", path: `${CATALOG_BASE}/locations`, access: "read", handler: getLocations },
  { method: "POST", path: `${CATALOG_BASE}/locations`, access: "write", handler: createLocation },
  { method: "POST", path: `${CATALOG_BASE}/locations/by-query`, access: "read", handler: queryLocations },
  { method: "GET", path: `${CATALOG_BASE}/locations/:id`, access: "read", handler: getLocation },
  { method: "DELETE", path: `${CATALOG_BASE}/locations/:id`, access: "write", handler: deleteLocation },
  { method: "GET", path: `${CATALOG_BASE}/locations/by-entity/:kind/:namespace/:name`, access: "read", handler: getLocationByEntity },
  { method: "GET", path: `${PUSH_BASE}/sources/:source`, access: "read", handler: getSource },
  { method: "PUT", path: `${PUSH_BASE}/sources/:source`, access: "write", handler: putSource },
  { method: "PATCH", path: `${PUSH_BASE}/sources/:source`, access: "write", handler: patchSource },
  { method: "DELETE", path: `${PUSH_BASE}/sources/:source`, access: "write", handler: deleteSource },
];

/** The catalog REST API and the push API as one `(request) => Promise<Response>`. */
export const handleRestRequest = createRestHandler(restRoutes);
