import { edge } from "./corpus";

/**
 * Written by hand from Backstage's rules, not captured from our output: each relation row is what
 * BuiltinKindsEntityProcessor would emit for the fixture. `entities` are "index:ref:known".
 */
export interface ValidExpectation {
  entities: string[];
  relations: Record<string, string[]>;
}

const WEB = "component:default/artist-web";
const ART_TEAM = "group:default/artist-relations-team";
const PORTAL = "system:default/artist-engagement-portal";

export const VALID_EXPECTATIONS: Record<string, ValidExpectation> = {
  "component-full.yaml": {
    entities: [`0:${WEB}:known`],
    relations: {
      [WEB]: [
        ...edge(WEB, "ownedBy", ART_TEAM, "ownerOf"),
        ...edge(WEB, "partOf", PORTAL, "hasPart"),
        ...edge(WEB, "partOf", "component:default/artist-platform", "hasPart"),
        ...edge(WEB, "providesApi", "api:default/artist-api", "apiProvidedBy"),
        ...edge(WEB, "consumesApi", "api:default/search-api", "apiConsumedBy"),
        ...edge(WEB, "consumesApi", "api:billing/invoices-api", "apiConsumedBy"),
        ...edge(WEB, "dependsOn", "resource:default/artists-db", "dependencyOf"),
        ...edge(WEB, "dependsOn", "component:default/image-resizer", "dependencyOf"),
        ...edge(WEB, "dependencyOf", "component:default/artist-mobile", "dependsOn"),
      ],
    },
  },

  "api-definitions.yaml": {
    entities: ["0:api:default/artist-api:known", "1:api:default/search-api:known"],
    relations: {
      "api:default/artist-api": [
        ...edge("api:default/artist-api", "ownedBy", "user:default/jdoe", "ownerOf"),
        ...edge("api:default/artist-api", "partOf", PORTAL, "hasPart"),
      ],
      "api:default/search-api": [...edge("api:default/search-api", "ownedBy", "group:default/search-team", "ownerOf")],
    },
  },

  "system-domain-resource.yaml": {
    entities: [
      "0:domain:default/artists:known",
      "1:domain:default/artist-payouts:known",
      `2:${PORTAL}:known`,
      "3:resource:default/artists-db:known",
    ],
    relations: {
      "domain:default/artists": [...edge("domain:default/artists", "ownedBy", ART_TEAM, "ownerOf")],
      "domain:default/artist-payouts": [
        ...edge("domain:default/artist-payouts", "ownedBy", "group:default/finance", "ownerOf"),
        ...edge("domain:default/artist-payouts", "partOf", "domain:default/artists", "hasPart"),
      ],
      [PORTAL]: [
        ...edge(PORTAL, "ownedBy", ART_TEAM, "ownerOf"),
        ...edge(PORTAL, "partOf", "domain:default/artists", "hasPart"),
      ],
      "resource:default/artists-db": [
        ...edge("resource:default/artists-db", "ownedBy", ART_TEAM, "ownerOf"),
        ...edge("resource:default/artists-db", "partOf", PORTAL, "hasPart"),
        ...edge("resource:default/artists-db", "dependsOn", "resource:default/storage-cluster", "dependencyOf"),
        ...edge("resource:default/artists-db", "dependencyOf", WEB, "dependsOn"),
      ],
    },
  },

  "org.yaml": {
    entities: [
      "0:group:default/infrastructure:known",
      "1:group:default/backstage:known",
      "2:user:default/jdoe:known",
      "3:user:default/contractor.one:known",
    ],
    relations: {
      "group:default/infrastructure": [
        ...edge("group:default/infrastructure", "childOf", "group:default/ops", "parentOf"),
        ...edge("group:default/infrastructure", "parentOf", "group:default/backstage", "childOf"),
        ...edge("group:default/infrastructure", "parentOf", "group:default/other", "childOf"),
        ...edge("group:default/infrastructure", "hasMember", "user:default/jdoe", "memberOf"),
      ],
      "group:default/backstage": [
        ...edge("group:default/backstage", "childOf", "group:default/infrastructure", "parentOf"),
      ],
      "user:default/jdoe": [
        ...edge("user:default/jdoe", "memberOf", "group:default/backstage", "hasMember"),
        ...edge("user:default/jdoe", "memberOf", "group:default/employees", "hasMember"),
      ],
      "user:default/contractor.one": [],
    },
  },

  "locations.yaml": {
    entities: [
      "0:location:default/org-data:known",
      "1:location:default/optional-extras:known",
      "2:location:default/placeholder-location:known",
    ],
    relations: {
      "location:default/org-data": [],
      "location:default/optional-extras": [],
      "location:default/placeholder-location": [],
    },
  },

  "template.yaml": {
    entities: ["0:template:default/react-ssr-template:known"],
    relations: {
      "template:default/react-ssr-template": [
        ...edge("template:default/react-ssr-template", "ownedBy", "group:default/web-platform", "ownerOf"),
      ],
    },
  },

  "example-catalog.yaml": {
    entities: [
      "0:component:default/wayback-search:known",
      "1:component:default/wayback-archive-ingestion:known",
      "2:system:default/wayback:known",
    ],
    relations: {
      "component:default/wayback-search": [
        ...edge("component:default/wayback-search", "ownedBy", "group:default/team-a", "ownerOf"),
        ...edge("component:default/wayback-search", "partOf", "system:default/wayback", "hasPart"),
        ...edge("component:default/wayback-search", "providesApi", "api:default/wayback-search-api", "apiProvidedBy"),
        ...edge("component:default/wayback-search", "consumesApi", "api:default/wayback-archive-api", "apiConsumedBy"),
      ],
      "component:default/wayback-archive-ingestion": [
        ...edge("component:default/wayback-archive-ingestion", "ownedBy", "user:default/guest", "ownerOf"),
        ...edge("component:default/wayback-archive-ingestion", "partOf", "system:default/wayback", "hasPart"),
        ...edge(
          "component:default/wayback-archive-ingestion",
          "dependsOn",
          "resource:default/wayback-archive-storage",
          "dependencyOf",
        ),
      ],
      "system:default/wayback": [...edge("system:default/wayback", "ownedBy", "group:default/team-a", "ownerOf")],
    },
  },

  "namespaces.yaml": {
    entities: ["0:component:finance/ledger_service.v2:known", "1:api:finance/ledger-api:known"],
    relations: {
      // Bare refs take the entity's namespace ("finance"); "default/Billing" names its own.
      "component:finance/ledger_service.v2": [
        ...edge("component:finance/ledger_service.v2", "ownedBy", "group:finance/payments-team", "ownerOf"),
        ...edge("component:finance/ledger_service.v2", "partOf", "system:default/billing", "hasPart"),
        ...edge("component:finance/ledger_service.v2", "providesApi", "api:finance/ledger-api", "apiProvidedBy"),
      ],
      "api:finance/ledger-api": [
        ...edge("api:finance/ledger-api", "ownedBy", "group:finance/payments-team", "ownerOf"),
      ],
    },
  },

  "unknown-kind.yaml": {
    entities: ["0:pipeline:default/deploy-artist-web:unknown", "1:environment:default/staging:unknown"],
    // An unknown kind's spec means nothing to us, so even `owner` yields no relation.
    relations: {
      "pipeline:default/deploy-artist-web": [],
      "environment:default/staging": [],
    },
  },
};
