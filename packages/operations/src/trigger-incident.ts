import { loadSecrets, type ConnectorContext } from "@greenroom/connectors";
import type { IntegrationRecord, TenantDb } from "@greenroom/db";

import { integrationKeyOf, linkKeysByEntity } from "./link-keys";
import { OperationsNotFound } from "./mappings";
import { ofType } from "./records";

export class TriggerUnavailable extends Error {}

export type TriggerTarget = { integration: IntegrationRecord; integrationKey: string | null; serviceId: string | null; serviceName: string | null };

/**
 * Where a "trigger incident" for this entity goes: its `pagerduty.com/integration-key` (Events
 * API) or else its linked PagerDuty service (REST), through the integration that synced it.
 */
export async function triggerTargetFor(db: TenantDb, ref: string): Promise<TriggerTarget> {
  const [entity] = await db.opsEntities.byRefs([ref]);
  if (!entity) throw new OperationsNotFound(`No catalog entity ${ref}`);
  const pagerduty = (await db.integrations.list()).filter((integration) => integration.kind === "PAGERDUTY");
  if (pagerduty.length === 0) throw new TriggerUnavailable("Connect PagerDuty first (Settings → Integrations)");
  const integrationKey = integrationKeyOf(entity);
  const keys = (await linkKeysByEntity(db, [entity])).get(ref) ?? [];
  const [service] = ofType(await db.opsRecords.byLinks(keys, { types: ["pagerduty.service"] }), "pagerduty.service");
  if (!integrationKey && !service) {
    throw new TriggerUnavailable(`${entity.name} has no PagerDuty service: add the pagerduty.com/integration-key or pagerduty.com/service-id annotation, or map a service in Settings → Integrations`);
  }
  const integration = (service && pagerduty.find((entry) => entry.id === service.integrationId)) || pagerduty[0]!;
  return { integration, integrationKey, serviceId: service?.externalId ?? null, serviceName: service?.data.name ?? null };
}

/** The connector context of an integration (secrets opened server-side, never returned). */
export async function connectorContextFor(db: TenantDb, integration: IntegrationRecord, fetchImpl: typeof fetch): Promise<ConnectorContext> {
  const secrets = await loadSecrets(db, integration.id);
  if (!secrets) throw new TriggerUnavailable("The PagerDuty integration's credentials are missing; reconnect it");
  return { config: integration.config as Record<string, unknown>, secrets, fetch: fetchImpl };
}
