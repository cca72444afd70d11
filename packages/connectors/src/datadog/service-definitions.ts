/**
 * A Datadog service definition in any schema version, reduced to what Greenroom uses. The client
 * hands back typed models (camelCase: ddService, schemaVersion) when a document matches exactly
 * one version's model, and an UnparsedObject holding the raw JSON (kebab-case: dd-service) when
 * it matches none, e.g. a link type a version's enum does not know. Both are read here.
 */
export type ServiceDefinition = {
  version: string;
  name: string;
  team: string | null;
  application: string | null;
  description: string | null;
  tier: string | null;
  lifecycle: string | null;
  type: string | null;
  languages: string[];
  contacts: { type: string; contact: string; name: string | null }[];
  links: { name: string; type: string; url: string; provider: string | null }[];
  tags: string[];
  pagerdutyUrl: string | null;
};

type Loose = Record<string, unknown>;

function object(value: unknown): Loose | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const data = (value as { _data?: unknown })._data;
  return data !== undefined && typeof data === "object" && data !== null ? (data as Loose) : (value as Loose);
}

/** The first of the spellings present: the model's camelCase or the wire's kebab-case. */
function read(source: Loose | null, ...names: string[]): unknown {
  if (!source) return undefined;
  for (const name of names) if (source[name] !== undefined && source[name] !== null) return source[name];
  return undefined;
}

function text(source: Loose | null, ...names: string[]): string | null {
  const value = read(source, ...names);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function list(source: Loose | null, ...names: string[]): Loose[] {
  const value = read(source, ...names);
  return Array.isArray(value) ? value.map(object).filter((entry): entry is Loose => entry !== null) : [];
}

function strings(source: Loose | null, ...names: string[]): string[] {
  const value = read(source, ...names);
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}

function link(entry: Loose, fallbackType: string) {
  const url = text(entry, "url");
  if (!url) return null;
  return { name: text(entry, "name") ?? url, type: text(entry, "type") ?? fallbackType, url, provider: text(entry, "provider") };
}

export function normalizeDefinition(schema: unknown): ServiceDefinition | null {
  const doc = object(schema);
  const version = text(doc, "schemaVersion", "schema-version");
  if (!doc || !version) return null;
  const integrations = object(read(doc, "integrations"));
  const pagerduty = read(integrations, "pagerduty");
  const pagerdutyUrl = typeof pagerduty === "string" ? pagerduty : text(object(pagerduty), "serviceUrl", "service-url");

  if (version === "v1") {
    const info = object(read(doc, "info"));
    const org = object(read(doc, "org"));
    const contact = object(read(doc, "contact"));
    const name = text(info, "ddService", "dd-service");
    if (!name) return null;
    const github = text(integrations, "github");
    return {
      version,
      name,
      team: text(org, "team"),
      application: text(org, "application"),
      description: text(info, "description"),
      tier: text(info, "serviceTier", "service-tier"),
      lifecycle: null,
      type: null,
      languages: [],
      contacts: [
        ...(text(contact, "email") ? [{ type: "email", contact: text(contact, "email")!, name: null }] : []),
        ...(text(contact, "slack") ? [{ type: "slack", contact: text(contact, "slack")!, name: null }] : []),
      ],
      links: [...list(doc, "externalResources", "external-resources").map((entry) => link(entry, "other")), ...(github ? [{ name: "Source code", type: "repo", url: github, provider: "GitHub" }] : [])].filter(
        (entry): entry is NonNullable<typeof entry> => entry !== null,
      ),
      tags: strings(doc, "tags"),
      pagerdutyUrl: pagerdutyUrl ?? null,
    };
  }

  const name = text(doc, "ddService", "dd-service");
  if (!name) return null;
  // v2 keeps repositories and documents in their own lists; later versions use typed links.
  const links = [...list(doc, "links").map((entry) => link(entry, "other")), ...list(doc, "repos").map((entry) => link(entry, "repo")), ...list(doc, "docs").map((entry) => link(entry, "doc"))];
  return {
    version,
    name,
    team: text(doc, "team", "ddTeam", "dd-team"),
    application: text(doc, "application"),
    description: text(doc, "description"),
    tier: text(doc, "tier"),
    lifecycle: text(doc, "lifecycle"),
    type: text(doc, "type"),
    languages: strings(doc, "languages"),
    contacts: list(doc, "contacts")
      .map((entry) => ({ type: text(entry, "type") ?? "other", contact: text(entry, "contact") ?? "", name: text(entry, "name") }))
      .filter((entry) => entry.contact !== ""),
    links: links.filter((entry): entry is NonNullable<typeof entry> => entry !== null),
    tags: strings(doc, "tags"),
    pagerdutyUrl: pagerdutyUrl ?? null,
  };
}
