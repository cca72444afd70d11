import { type OpsRecordOf, opsLinkKey } from "../framework/ops-records";
import { entityName } from "../github/entities";
import type { ServiceDefinition } from "./service-definitions";

/**
 * A Datadog service definition becomes two things: a catalog Component (so a service only Datadog
 * knows about appears in the catalog; the sync's apply step drops it when another source already
 * owns the entity, and the record below enriches that entity instead) and a `datadog.service`
 * record with everything Datadog says about the service, shown on the entity page.
 */

const LIFECYCLES: Record<string, "production" | "experimental" | "deprecated"> = {
  production: "production",
  prod: "production",
  live: "production",
  ga: "production",
  stable: "production",
  staging: "experimental",
  beta: "experimental",
  alpha: "experimental",
  experimental: "experimental",
  sandbox: "experimental",
  development: "experimental",
  dev: "experimental",
  preview: "experimental",
  pilot: "experimental",
  deprecated: "deprecated",
  retired: "deprecated",
  sunset: "deprecated",
  legacy: "deprecated",
  eol: "deprecated",
  "end-of-life": "deprecated",
  decommissioned: "deprecated",
};

/** Datadog's free-text lifecycle onto Backstage's three well-known values ("production" when unsaid). */
export function backstageLifecycle(lifecycle: string | null): "production" | "experimental" | "deprecated" {
  if (!lifecycle) return "production";
  return LIFECYCLES[lifecycle.trim().toLowerCase().replace(/[\s_]+/g, "-")] ?? "production";
}

/** The PagerDuty service id in a service-directory URL (https://acme.pagerduty.com/service-directory/PABC123). */
export function pagerdutyServiceId(url: string | null): string | null {
  const match = url ? /\/service-directory\/(P[A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(url) : null;
  return match?.[1] ?? null;
}

/** owner/repo of a github.com repository URL. */
export function githubSlug(url: string): string | null {
  const match = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(?:[/?#].*)?$/i.exec(url);
  return match ? `${match[1]}/${match[2]}` : null;
}

function repoSlug(definition: ServiceDefinition): string | null {
  const repos = definition.links.filter((link) => link.type === "repo");
  for (const link of [...repos, ...definition.links]) {
    const slug = githubSlug(link.url);
    if (slug) return slug;
  }
  return null;
}

function linkIcon(type: string, url: string): string | undefined {
  if (type === "repo") return githubSlug(url) ? "github" : "code";
  if (type === "dashboard") return "dashboard";
  if (type === "runbook" || type === "doc" || type === "wiki") return "docs";
  if (type === "slack" || type === "microsoft-teams") return "chat";
  return undefined;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function labelValue(value: string | null): string | null {
  const cleaned = value?.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "").slice(0, 63);
  return cleaned ? cleaned : null;
}

export function serviceComponent(definition: ServiceDefinition) {
  const name = entityName(definition.name);
  const annotations: Record<string, string> = { "datadoghq.com/service-name": definition.name };
  const pagerdutyId = pagerdutyServiceId(definition.pagerdutyUrl);
  if (pagerdutyId) annotations["pagerduty.com/service-id"] = pagerdutyId;
  const slug = repoSlug(definition);
  if (slug) annotations["github.com/project-slug"] = slug;
  const links = [
    ...definition.links.filter((link) => isHttpUrl(link.url)).map((link) => ({ url: link.url, title: link.name, type: link.type, icon: linkIcon(link.type, link.url) })),
    ...definition.contacts.filter((contact) => contact.type !== "email" && isHttpUrl(contact.contact)).map((contact) => ({ url: contact.contact, title: contact.name ?? contact.type, type: contact.type, icon: linkIcon(contact.type, contact.contact) })),
  ].map((link) => Object.fromEntries(Object.entries(link).filter(([, value]) => value !== undefined)));
  const tier = labelValue(definition.tier);
  const tags = [...new Set(definition.languages.map((language) => language.toLowerCase().replace(/[^a-z0-9+#]+/g, "-").replace(/^-+|-+$/g, "")).filter(Boolean))].slice(0, 20);
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: "Component",
    metadata: {
      name,
      ...(name !== definition.name ? { title: definition.name } : {}),
      ...(definition.description ? { description: definition.description.slice(0, 1000) } : {}),
      ...(tier ? { labels: { "datadoghq.com/tier": tier } } : {}),
      ...(tags.length ? { tags } : {}),
      annotations,
      ...(links.length ? { links } : {}),
    },
    spec: {
      type: "service",
      lifecycle: backstageLifecycle(definition.lifecycle),
      owner: definition.team ? `group:default/${entityName(definition.team)}` : "unknown",
    },
  };
}

export function serviceRecord(definition: ServiceDefinition, appUrl: string): OpsRecordOf<"datadog.service"> {
  const url = `${appUrl}/services?selectedService=${encodeURIComponent(definition.name)}`;
  const pagerdutyId = pagerdutyServiceId(definition.pagerdutyUrl);
  return {
    type: "datadog.service",
    externalId: definition.name,
    title: definition.name,
    links: [opsLinkKey.datadogService(definition.name), ...(pagerdutyId ? [opsLinkKey.pagerdutyService(pagerdutyId)] : [])],
    state: null,
    url,
    occurredAt: null,
    data: {
      name: definition.name,
      schemaVersion: definition.version,
      team: definition.team,
      tier: definition.tier,
      lifecycle: definition.lifecycle,
      description: definition.description,
      contacts: definition.contacts,
      links: definition.links.map((link) => ({ name: link.name, type: link.type, url: link.url })),
      pagerdutyUrl: definition.pagerdutyUrl,
      repoUrls: definition.links.filter((link) => link.type === "repo").map((link) => link.url),
    },
  };
}

/** Dashboard ids a definition links to (…/dashboard/abc-def-ghi/…), to tie dashboards to services. */
export function linkedDashboardIds(definition: ServiceDefinition): string[] {
  return definition.links.flatMap((link) => {
    const match = /\/dashboard\/([a-z0-9]{3}-[a-z0-9]{3}-[a-z0-9]{3})(?:[/?#]|$)/.exec(link.url);
    return match ? [match[1]!] : [];
  });
}
