/**
 * Well-known annotation keys. Connectors and pages read these to link an entity to its repo,
 * on-call service and dashboards; the names are Backstage's (and its plugins') so existing
 * catalog-info.yaml files work unchanged.
 */

// Set by the catalog, not by authors: `<type>:<target>` of the location that produced the entity.
export const ANNOTATION_LOCATION = "backstage.io/managed-by-location";
export const ANNOTATION_ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";
/** Injected when no source emits the entity any more; absent or exactly "true". */
export const ANNOTATION_ORPHAN = "backstage.io/orphan";

export const ANNOTATION_SOURCE_LOCATION = "backstage.io/source-location";
export const ANNOTATION_VIEW_URL = "backstage.io/view-url";
export const ANNOTATION_EDIT_URL = "backstage.io/edit-url";
export const ANNOTATION_TECHDOCS_REF = "backstage.io/techdocs-ref";
export const ANNOTATION_TECHDOCS_ENTITY = "backstage.io/techdocs-entity";
/** ISO-8601 duration a Template saves, e.g. "PT2H". */
export const ANNOTATION_TIME_SAVED = "backstage.io/time-saved";

/** `org/repo` */
export const ANNOTATION_GITHUB_PROJECT_SLUG = "github.com/project-slug";
/** `org/team`, on Groups */
export const ANNOTATION_GITHUB_TEAM_SLUG = "github.com/team-slug";
/** GitHub login, on Users */
export const ANNOTATION_GITHUB_USER_LOGIN = "github.com/user-login";

export const ANNOTATION_PAGERDUTY_SERVICE_ID = "pagerduty.com/service-id";
/** Needed to trigger incidents from the portal. */
export const ANNOTATION_PAGERDUTY_INTEGRATION_KEY = "pagerduty.com/integration-key";

export const ANNOTATION_DATADOG_SERVICE_NAME = "datadoghq.com/service-name";
export const ANNOTATION_DATADOG_DASHBOARD_URL = "datadoghq.com/dashboard-url";
export const ANNOTATION_DATADOG_GRAPH_TOKEN = "datadoghq.com/graph-token";
/** small | medium | large | x-large */
export const ANNOTATION_DATADOG_GRAPH_SIZE = "datadoghq.com/graph-size";
/** The Datadog site, e.g. "datadoghq.eu". */
export const ANNOTATION_DATADOG_SITE = "datadoghq.com/site";
export const ANNOTATION_DATADOG_SLO_TAG = "datadoghq.com/slo_tag";
export const ANNOTATION_DATADOG_MONITOR_TAGS = "datadoghq.com/monitor_tags";

export const WELL_KNOWN_ANNOTATIONS = [
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_ORPHAN,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
  ANNOTATION_EDIT_URL,
  ANNOTATION_TECHDOCS_REF,
  ANNOTATION_TECHDOCS_ENTITY,
  ANNOTATION_TIME_SAVED,
  ANNOTATION_GITHUB_PROJECT_SLUG,
  ANNOTATION_GITHUB_TEAM_SLUG,
  ANNOTATION_GITHUB_USER_LOGIN,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  ANNOTATION_PAGERDUTY_INTEGRATION_KEY,
  ANNOTATION_DATADOG_SERVICE_NAME,
  ANNOTATION_DATADOG_DASHBOARD_URL,
  ANNOTATION_DATADOG_GRAPH_TOKEN,
  ANNOTATION_DATADOG_GRAPH_SIZE,
  ANNOTATION_DATADOG_SITE,
  ANNOTATION_DATADOG_SLO_TAG,
  ANNOTATION_DATADOG_MONITOR_TAGS,
] as const;

export type WellKnownAnnotation = (typeof WELL_KNOWN_ANNOTATIONS)[number];
