import type { DatadogService, SchemaVersion, ServiceLink } from "./model";

// A service definition rendered in the schema version a caller asks for (`schema_version`), as
// Datadog converts between them: fields a version cannot express are dropped (v2 has no tier or
// lifecycle), and v2 lists repositories and docs apart from links. Without `schema_version` a
// definition comes back in the version it was ingested as.

type Json = Record<string, unknown>;

/** v2 and v1 know a fixed set of link types; "other" has no v2 equivalent but "url". */
function v2LinkType(type: ServiceLink["type"]): string {
  return type === "other" ? "url" : type;
}

function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined));
}

function v21Plus(service: DatadogService, version: "v2.1" | "v2.2"): Json {
  return compact({
    "schema-version": version,
    "dd-service": service.name,
    team: service.team,
    application: service.application,
    description: service.description,
    tier: service.tier,
    lifecycle: service.lifecycle,
    ...(version === "v2.2" ? { type: service.type, languages: service.languages.length ? service.languages : null } : {}),
    contacts: service.contacts.map((contact) => ({ name: contact.name, type: contact.type, contact: contact.contact })),
    links: service.links.map((link) => compact({ name: link.name, type: link.type, url: link.url, provider: link.provider })),
    tags: service.tags,
    integrations: service.pagerdutyUrl ? { pagerduty: { "service-url": service.pagerdutyUrl } } : {},
  });
}

function v2(service: DatadogService): Json {
  const links = service.links.filter((link) => link.type !== "repo" && link.type !== "doc");
  return compact({
    "schema-version": "v2",
    "dd-service": service.name,
    team: service.team,
    contacts: service.contacts.map((contact) => ({ name: contact.name, type: contact.type, contact: contact.contact })),
    links: links.map((link) => ({ name: link.name, type: v2LinkType(link.type), url: link.url })),
    repos: service.links.filter((link) => link.type === "repo").map((link) => compact({ name: link.name, provider: link.provider, url: link.url })),
    docs: service.links.filter((link) => link.type === "doc").map((link) => compact({ name: link.name, provider: link.provider, url: link.url })),
    tags: service.tags,
    integrations: service.pagerdutyUrl ? { pagerduty: service.pagerdutyUrl } : {},
  });
}

function v1(service: DatadogService): Json {
  const email = service.contacts.find((contact) => contact.type === "email")?.contact;
  const slack = service.contacts.find((contact) => contact.type === "slack")?.contact;
  const repo = service.links.find((link) => link.type === "repo")?.url;
  return compact({
    "schema-version": "v1",
    info: compact({ "dd-service": service.name, description: service.description, "service-tier": service.tier }),
    org: compact({ team: service.team, application: service.application }),
    contact: compact({ email, slack }),
    "external-resources": service.links.map((link) => ({ name: link.name, type: v2LinkType(link.type), url: link.url })),
    tags: service.tags,
    integrations: compact({ pagerduty: service.pagerdutyUrl, github: repo }),
  });
}

export function renderDefinitionSchema(service: DatadogService, version: SchemaVersion): Json {
  if (version === "v1") return v1(service);
  if (version === "v2") return v2(service);
  return v21Plus(service, version);
}

/** One element of `data` in the list and get responses. */
export function serviceDefinitionData(service: DatadogService, requested: SchemaVersion | null): Json {
  return {
    type: "service-definition",
    id: service.id,
    attributes: {
      meta: {
        "last-modified-time": service.lastModified,
        "github-html-url": service.origin === "github" ? `${service.links.find((link) => link.type === "repo")?.url ?? ""}/blob/main/service.datadog.yaml`.replace(/^\/blob.*$/, "") : "",
        "ingestion-source": service.origin === "github" ? "github" : "api",
        origin: service.origin === "terraform" ? "dd_terraform" : "unknown",
        "origin-detail": "",
        warnings: [],
        "ingested-schema-version": service.ingestedVersion,
      },
      schema: renderDefinitionSchema(service, requested ?? service.ingestedVersion),
    },
  };
}
