import { randomUUID } from "node:crypto";

import { ensureSource, removeSource, sourceName } from "@greenroom/catalog/engine";
import { withGlobal, withTenant, type IntegrationKind, type IntegrationRecord, type Prisma, type TenantDb } from "@greenroom/db";
import { z } from "zod";

import { isCurrent, keyId, keyringFromEnv, openSecrets, sealSecrets, SecretsUnreadable, type Keyring } from "./crypto";
import { assertPublicHost, parseBaseUrl, type NetworkPolicy, networkPolicyFromEnv } from "./network";

/** What each kind keeps in `config` (non-secret) and in the sealed secrets. */
export const configSchemas = {
  GITHUB: z.object({
    baseUrl: z.string().url().default("https://api.github.com"),
    org: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9-]+$/, "letters, digits and dashes only"),
    /** A fine-grained token, or a GitHub App's installation (tokens minted and refreshed by @octokit/auth-app). */
    authMethod: z.enum(["token", "app"]).default("token"),
    catalogPath: z.string().trim().min(1).max(200).default("catalog-info.yaml"),
    defaultOwner: z.string().trim().min(1).max(200).default("unknown"),
    pageSize: z.number().int().min(1).max(100).default(100),
  }),
  PAGERDUTY: z.object({
    baseUrl: z.string().url().default("https://api.pagerduty.com"),
    /** Events API v2 host, for "trigger incident" by integration key. */
    eventsUrl: z.string().url().default("https://events.pagerduty.com"),
    pageSize: z.number().int().min(1).max(100).default(100),
    /** How far back resolved incidents are synced. */
    incidentDays: z.number().int().min(1).max(90).default(7),
    /** A PagerDuty user's email, used as the REST `From` when the person triggering an incident has no PagerDuty user. */
    fromEmail: z.string().trim().email().max(200).optional(),
  }),
  DATADOG: z
    .object({
      /** The Datadog site the org lives on; the API is https://api.<site> unless baseUrl says otherwise. */
      site: z.enum(["datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "ap1.datadoghq.com", "ap2.datadoghq.com", "uk1.datadoghq.com", "datadoghq.eu", "ddog-gov.com", "us2.ddog-gov.com"]).default("datadoghq.com"),
      /** Only for a proxy or the simulator. */
      baseUrl: z.string().url().optional(),
      /** Incident Management is a separate Datadog product: read incidents only when asked. */
      incidents: z.boolean().default(false),
      servicePageSize: z.number().int().min(1).max(100).default(100),
      monitorPageSize: z.number().int().min(1).max(1000).default(1000),
      /** Each SLO on a page costs one history request. */
      sloPageSize: z.number().int().min(1).max(1000).default(100),
      dashboardPageSize: z.number().int().min(1).max(1000).default(500),
      incidentPageSize: z.number().int().min(1).max(100).default(100),
    })
    // Everything downstream (the SSRF check, the catalog source) reads config.baseUrl.
    .transform((config) => ({ ...config, baseUrl: config.baseUrl ?? `https://api.${config.site}` })),
} as const;

export const secretSchemas = {
  GITHUB: z
    .object({
      token: z.string().min(1).max(500).optional(),
      appId: z.string().trim().regex(/^\d{1,12}$/, "digits only").optional(),
      privateKey: z.string().trim().max(10_000).regex(/^-----BEGIN (RSA )?PRIVATE KEY-----[\s\S]+-----END (RSA )?PRIVATE KEY-----$/, "a PEM private key").optional(),
      /** Found from the organization when not given. */
      installationId: z.string().trim().regex(/^\d{1,15}$/, "digits only").optional(),
      webhookSecret: z.string().min(1).max(500).optional(),
    })
    // Either a token or an App's id + private key (the config's authMethod says which is used).
    .superRefine((value, context) => {
      const app = Boolean(value.appId || value.privateKey || value.installationId);
      if (value.token && app) context.addIssue({ code: "custom", path: ["token"], message: "a token or GitHub App credentials, not both" });
      else if (app) for (const field of ["appId", "privateKey"] as const) if (!value[field]) context.addIssue({ code: "custom", path: [field], message: "required for a GitHub App" });
      if (!value.token && !app) context.addIssue({ code: "custom", path: ["token"], message: "a token, or a GitHub App's id and private key" });
    }),
  PAGERDUTY: z.object({ token: z.string().min(1).max(500) }),
  DATADOG: z.object({ apiKey: z.string().min(1).max(500), appKey: z.string().min(1).max(500) }),
} as const;

export type GithubConfig = z.infer<typeof configSchemas.GITHUB>;

export class IntegrationInputError extends Error {}

export function parseConfig(kind: IntegrationKind, config: unknown): Record<string, unknown> {
  const result = configSchemas[kind].safeParse(config);
  if (!result.success) throw new IntegrationInputError(result.error.issues.map((issue) => `${issue.path.join(".") || "config"}: ${issue.message}`).join("; "));
  return result.data as Record<string, unknown>;
}

export function parseSecrets(kind: IntegrationKind, secrets: unknown): Record<string, string> {
  const result = secretSchemas[kind].safeParse(secrets);
  // Never echo the values: the message names fields only.
  if (!result.success) throw new IntegrationInputError(`Missing or invalid credentials: ${result.error.issues.map((issue) => issue.path.join(".")).join(", ")}`);
  return result.data as Record<string, string>;
}

/** Checks the configured base URL against the SSRF policy (resolving its host). */
export async function checkBaseUrl(config: Record<string, unknown>, policy: NetworkPolicy = networkPolicyFromEnv()): Promise<URL> {
  const url = parseBaseUrl(String(config.baseUrl));
  await assertPublicHost(url, policy);
  return url;
}

export type ConnectInput = {
  kind: IntegrationKind;
  name: string;
  config: unknown;
  secrets: unknown;
  intervalMinutes: number;
  createdById: string | null;
};

/**
 * Creates the integration (secrets sealed, bound to its id) and its catalog source. The caller
 * checks the base URL first (`checkBaseUrl`): DNS does not belong inside a transaction.
 */
export async function createIntegration(db: TenantDb, input: ConnectInput, keyring: Keyring = keyringFromEnv()): Promise<IntegrationRecord> {
  const config = parseConfig(input.kind, input.config);
  const secrets = parseSecrets(input.kind, input.secrets);
  const id = randomUUID();
  const sealed = sealSecrets(secrets, id, keyring);
  const record = await db.integrations.create({
    id,
    kind: input.kind,
    name: input.name,
    config: config as Prisma.InputJsonValue,
    secretsCiphertext: sealed.ciphertext,
    secretsKeyId: sealed.keyId,
    intervalMinutes: input.intervalMinutes,
    createdById: input.createdById,
  });
  await ensureSource(db, { kind: "INTEGRATION", key: id, target: String(config.baseUrl), createdById: input.createdById });
  return record;
}

/** Replaces the credentials (the old ones are never shown; the admin types new ones). */
export async function replaceSecrets(db: TenantDb, integration: IntegrationRecord, secrets: unknown, keyring: Keyring = keyringFromEnv()): Promise<void> {
  const sealed = sealSecrets(parseSecrets(integration.kind, secrets), integration.id, keyring);
  await db.integrations.setSecrets(integration.id, sealed.ciphertext, sealed.keyId);
}

export async function loadSecrets(db: TenantDb, integrationId: string, keyring: Keyring = keyringFromEnv()): Promise<Record<string, string> | null> {
  const row = await db.integrations.secretsOf(integrationId);
  return row ? openSecrets(row.secretsCiphertext, row.id, keyring) : null;
}

/** Removes the integration and its catalog source, keeping its entities as orphans if asked. */
export async function deleteIntegration(db: TenantDb, integrationId: string, options: { keepEntities: boolean }): Promise<{ deleted: number; orphaned: number } | null> {
  const integration = await db.integrations.findById(integrationId);
  if (!integration) return null;
  const source = await db.catalogSources.findByName(sourceName("INTEGRATION", integrationId));
  const outcome = source ? await removeSource(db, source, options) : { deleted: 0, orphaned: 0 };
  await db.integrations.remove(integrationId);
  return outcome;
}

/** The view any API may return: the record has no secret fields, and config holds none. */
export function publicIntegration(record: IntegrationRecord) {
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    config: record.config,
    intervalMinutes: record.intervalMinutes,
    status: record.status,
    statusMessage: record.statusMessage,
    lastSyncAt: record.lastSyncAt,
    lastSyncStatus: record.lastSyncStatus,
    lastRunId: record.lastRunId,
    createdAt: record.createdAt,
  };
}

/**
 * Re-seals every integration secret not already under the current key (after a key rotation:
 * the old key moves to INTEGRATIONS_PREVIOUS_KEYS, a new key becomes current). Idempotent.
 */
export async function rotateIntegrationSecrets(keyring: Keyring = keyringFromEnv()): Promise<{ tenants: number; resealed: number; unreadable: number }> {
  const currentId = keyId(keyring.current);
  let afterId: string | undefined;
  let tenants = 0;
  let resealed = 0;
  let unreadable = 0;
  for (;;) {
    const ids = await withGlobal((db) => db.integrationDirectory.listTenantIds(500, afterId));
    if (ids.length === 0) break;
    for (const tenantId of ids) {
      tenants += 1;
      resealed += await withTenant({ tenantId }, async (db) => {
        let count = 0;
        for (const row of await db.integrations.secretsNotUnder(currentId)) {
          if (isCurrent(row.secretsKeyId, keyring)) continue;
          let secrets: Record<string, string>;
          try {
            secrets = openSecrets(row.secretsCiphertext, row.id, keyring);
          } catch (error) {
            // Sealed under a key not in the keyring: reported, left as is (the admin reconnects).
            if (!(error instanceof SecretsUnreadable)) throw error;
            unreadable += 1;
            continue;
          }
          const sealed = sealSecrets(secrets, row.id, keyring);
          await db.integrations.setSecrets(row.id, sealed.ciphertext, sealed.keyId);
          count += 1;
        }
        return count;
      });
    }
    afterId = ids.at(-1);
  }
  return { tenants, resealed, unreadable };
}
