import { opsLinkKey } from "@greenroom/connectors/framework";
import type { LinkedEntity, TenantDb } from "@greenroom/db";

import { annotationLinkKeys } from "./link-keys";

export type MappableType = "pagerduty.service" | "datadog.service";

export type ServiceLink =
  | { status: "annotation"; entities: { ref: string; name: string }[] }
  | { status: "mapped"; entityRef: string; confirmedById: string | null }
  | { status: "unlinked"; suggestions: { ref: string; name: string; title: string | null }[] };

export type MappableService = { externalId: string; name: string; url: string | null; linkKey: string; link: ServiceLink };

export class OperationsNotFound extends Error {}

const NOISE_WORDS = /(^|[-_ .])(service|svc|api|prod|production|app)$/;

/** Name forms compared for suggestions: lower-case alphanumerics, with and without a noise suffix. */
export function nameForms(name: string): string[] {
  const lower = name.toLowerCase().trim();
  const forms = new Set([lower.replace(/[^a-z0-9]/g, "")]);
  const stripped = lower.replace(NOISE_WORDS, "");
  if (stripped && stripped !== lower) forms.add(stripped.replace(/[^a-z0-9]/g, ""));
  forms.delete("");
  return [...forms];
}

function linkKeyFor(type: MappableType, externalId: string, name: string): string {
  return type === "pagerduty.service" ? opsLinkKey.pagerdutyService(externalId) : opsLinkKey.datadogService(name);
}

/**
 * An integration's services and how each reaches the catalog: by annotation (or Datadog's
 * name identity), by a mapping an admin confirmed, or not at all, with name-match suggestions
 * offered for the admin to confirm. Nothing is linked by a suggestion until confirmed.
 */
export async function serviceMappings(db: TenantDb, integrationId: string, type: MappableType): Promise<MappableService[]> {
  const services = await db.opsRecords.ofType(type, { integrationId, limit: 5_000 });
  const mappings = new Map((await db.opsMappings.list(integrationId)).map((mapping) => [mapping.linkKey, mapping]));
  const keyed = services.map((service) => ({ service, linkKey: linkKeyFor(type, service.externalId, service.title) }));
  const annotated = await db.opsEntities.linkedTo({
    pagerdutyServiceIds: type === "pagerduty.service" ? services.map((service) => service.externalId) : [],
    datadogServices: type === "datadog.service" ? services.map((service) => service.title.toLowerCase()) : [],
  });
  const byKey = new Map<string, LinkedEntity[]>();
  for (const entity of annotated) for (const key of annotationLinkKeys(entity)) byKey.set(key, [...(byKey.get(key) ?? []), entity]);
  const unlinked = keyed.filter(({ linkKey }) => !byKey.has(linkKey) && !mappings.has(linkKey));
  const candidates = await db.opsEntities.namedLike([...new Set(unlinked.flatMap(({ service }) => nameForms(service.title)))]);
  return keyed.map(({ service, linkKey }): MappableService => {
    const base = { externalId: service.externalId, name: service.title, url: service.url, linkKey };
    const entities = byKey.get(linkKey);
    if (entities) return { ...base, link: { status: "annotation", entities: entities.map((entity) => ({ ref: entity.ref, name: entity.name })) } };
    const mapping = mappings.get(linkKey);
    if (mapping) return { ...base, link: { status: "mapped", entityRef: mapping.entityRef, confirmedById: mapping.confirmedById } };
    const forms = new Set(nameForms(service.title));
    const suggestions = candidates.filter((entity) => nameForms(entity.name).some((form) => forms.has(form))).slice(0, 5);
    return { ...base, link: { status: "unlinked", suggestions: suggestions.map((entity) => ({ ref: entity.ref, name: entity.name, title: entity.title })) } };
  });
}

/** Records an admin's confirmed link from a service to an entity (both must exist in this org). */
export async function confirmMapping(
  db: TenantDb,
  input: { integrationId: string; type: MappableType; externalId: string; entityRef: string; confirmedById: string | null },
): Promise<{ linkKey: string; entityRef: string }> {
  const service = await db.opsRecords.find(input.integrationId, input.type, input.externalId);
  if (!service) throw new OperationsNotFound("That service is not in this integration's last sync");
  const [entity] = await db.opsEntities.byRefs([input.entityRef]);
  if (!entity) throw new OperationsNotFound(`No catalog entity ${input.entityRef}`);
  const linkKey = linkKeyFor(input.type, service.externalId, service.title);
  await db.opsMappings.upsert({ integrationId: input.integrationId, linkKey, entityRef: entity.ref, confirmedById: input.confirmedById });
  return { linkKey, entityRef: entity.ref };
}
