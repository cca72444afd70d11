import { opsLinkKey } from "@greenroom/connectors/framework";
import type { LinkedEntity, TenantDb } from "@greenroom/db";

export const ANNOTATIONS = {
  pagerdutyServiceId: "pagerduty.com/service-id",
  pagerdutyIntegrationKey: "pagerduty.com/integration-key",
  datadogServiceName: "datadoghq.com/service-name",
} as const;

function annotation(entity: LinkedEntity, key: string): string[] {
  const value = entity.annotations?.[key];
  return typeof value === "string" ? value.split(",").map((part) => part.trim()).filter(Boolean) : [];
}

/**
 * The link keys an entity's own metadata gives it: the PagerDuty service id annotation, the
 * Datadog service-name annotation, else (for components) its name, which is Datadog's service
 * identity when the component came from or matches a Datadog service definition.
 */
export function annotationLinkKeys(entity: LinkedEntity): string[] {
  const keys = annotation(entity, ANNOTATIONS.pagerdutyServiceId).map(opsLinkKey.pagerdutyService);
  const datadog = annotation(entity, ANNOTATIONS.datadogServiceName);
  if (datadog.length) keys.push(...datadog.map(opsLinkKey.datadogService));
  else if (entity.kind === "component") keys.push(opsLinkKey.datadogService(entity.name));
  return keys;
}

export function integrationKeyOf(entity: LinkedEntity): string | null {
  return annotation(entity, ANNOTATIONS.pagerdutyIntegrationKey)[0] ?? null;
}

/** Annotation keys plus the mappings an admin confirmed, per entity ref. */
export async function linkKeysByEntity(db: TenantDb, entities: LinkedEntity[]): Promise<Map<string, string[]>> {
  const keys = new Map(entities.map((entity) => [entity.ref, annotationLinkKeys(entity)]));
  for (const mapping of await db.opsMappings.forEntities(entities.map((entity) => entity.ref))) {
    keys.get(mapping.entityRef)?.push(mapping.linkKey);
  }
  return keys;
}

/** The reverse: which entities each link key reaches (annotations, names and mappings). */
export async function entitiesByLinkKey(db: TenantDb, linkKeys: Iterable<string>): Promise<Map<string, LinkedEntity[]>> {
  const pagerdutyServiceIds = new Set<string>();
  const datadogServices = new Set<string>();
  const wanted = new Set(linkKeys);
  for (const key of wanted) {
    const [vendor, kind, ...rest] = key.split(":");
    const id = rest.join(":");
    if (vendor === "pagerduty" && kind === "service") pagerdutyServiceIds.add(id);
    if (vendor === "datadog" && kind === "service") datadogServices.add(id);
  }
  const found = await db.opsEntities.linkedTo({ pagerdutyServiceIds: [...pagerdutyServiceIds], datadogServices: [...datadogServices] });
  const mappings = (await db.opsMappings.list()).filter((mapping) => wanted.has(mapping.linkKey));
  const mapped = await db.opsEntities.byRefs([...new Set(mappings.map((mapping) => mapping.entityRef))]);
  const byRef = new Map([...found, ...mapped].map((entity) => [entity.ref, entity]));
  const result = new Map<string, LinkedEntity[]>();
  const add = (key: string, entity: LinkedEntity) => {
    if (!wanted.has(key)) return;
    const list = result.get(key) ?? [];
    if (!list.some((entry) => entry.ref === entity.ref)) list.push(entity);
    result.set(key, list);
  };
  for (const entity of found) for (const key of annotationLinkKeys(entity)) add(key, entity);
  for (const mapping of mappings) {
    const entity = byRef.get(mapping.entityRef);
    if (entity) add(mapping.linkKey, entity);
  }
  return result;
}
