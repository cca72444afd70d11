import type { IntegrationKind, IntegrationStatus, Prisma } from "../generated/prisma/client";
import type { Tx } from "../tx";

/** An integration as the app sees it: never the secrets (see `secretsOf`). */
export type IntegrationRecord = {
  id: string;
  kind: IntegrationKind;
  name: string;
  config: Prisma.JsonValue;
  intervalMinutes: number;
  status: IntegrationStatus;
  statusMessage: string | null;
  lastSyncAt: Date | null;
  lastSyncStatus: string | null;
  lastRunId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type IntegrationSecretsRecord = { id: string; secretsCiphertext: string; secretsKeyId: string };

const integrationSelect = {
  id: true,
  kind: true,
  name: true,
  config: true,
  intervalMinutes: true,
  status: true,
  statusMessage: true,
  lastSyncAt: true,
  lastSyncStatus: true,
  lastRunId: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type SyncRunRecord = {
  id: string;
  integrationId: string;
  trigger: string;
  status: string;
  phase: string | null;
  checkpoint: Prisma.JsonValue;
  progress: Prisma.JsonValue;
  requests: number;
  rateLimitUsed: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  errors: Prisma.JsonValue;
  message: string | null;
  delayedUntil: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
};

const runSelect = {
  id: true,
  integrationId: true,
  trigger: true,
  status: true,
  phase: true,
  checkpoint: true,
  progress: true,
  requests: true,
  rateLimitUsed: true,
  created: true,
  updated: true,
  deleted: true,
  unchanged: true,
  errors: true,
  message: true,
  delayedUntil: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
} as const;

export type SyncRunUpdate = Partial<{
  status: string;
  phase: string | null;
  checkpoint: Prisma.InputJsonValue;
  progress: Prisma.InputJsonValue;
  errors: Prisma.InputJsonValue;
  message: string | null;
  delayedUntil: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}>;

export type SyncRunIncrements = Partial<Record<"requests" | "rateLimitUsed" | "created" | "updated" | "deleted" | "unchanged", number>>;

export function integrationsRepo(tx: Tx, tenantId: string) {
  return {
    create: (data: {
      /** Chosen by the caller: the id is the AAD that binds the sealed secrets to this row. */
      id: string;
      kind: IntegrationKind;
      name: string;
      config: Prisma.InputJsonValue;
      secretsCiphertext: string;
      secretsKeyId: string;
      intervalMinutes: number;
      createdById: string | null;
    }): Promise<IntegrationRecord> => tx.integration.create({ data: { ...data, tenantId }, select: integrationSelect }),
    list: (): Promise<IntegrationRecord[]> =>
      tx.integration.findMany({ where: { tenantId }, select: integrationSelect, orderBy: { createdAt: "asc" } }),
    findById: (id: string): Promise<IntegrationRecord | null> =>
      tx.integration.findUnique({ where: { tenantId_id: { tenantId, id } }, select: integrationSelect }),
    /** The encrypted envelope, for the connector that decrypts it in the worker. */
    secretsOf: (id: string): Promise<IntegrationSecretsRecord | null> =>
      tx.integration.findUnique({ where: { tenantId_id: { tenantId, id } }, select: { id: true, secretsCiphertext: true, secretsKeyId: true } }),
    /** Envelopes not sealed under `currentKeyId` (key rotation). */
    secretsNotUnder: (currentKeyId: string): Promise<IntegrationSecretsRecord[]> =>
      tx.integration.findMany({ where: { tenantId, secretsKeyId: { not: currentKeyId } }, select: { id: true, secretsCiphertext: true, secretsKeyId: true } }),
    setSecrets: async (id: string, secretsCiphertext: string, secretsKeyId: string): Promise<void> => {
      await tx.integration.update({ where: { tenantId_id: { tenantId, id } }, data: { secretsCiphertext, secretsKeyId } });
    },
    update: (
      id: string,
      data: Partial<{
        name: string;
        config: Prisma.InputJsonValue;
        intervalMinutes: number;
        status: IntegrationStatus;
        statusMessage: string | null;
        lastSyncAt: Date | null;
        lastSyncStatus: string | null;
        lastRunId: string | null;
      }>,
    ): Promise<IntegrationRecord> => tx.integration.update({ where: { tenantId_id: { tenantId, id } }, data, select: integrationSelect }),
    remove: async (id: string): Promise<boolean> => {
      const { count } = await tx.integration.deleteMany({ where: { tenantId, id } });
      return count === 1;
    },
  };
}

export function integrationSyncRunsRepo(tx: Tx, tenantId: string) {
  return {
    create: (integrationId: string, trigger: string): Promise<SyncRunRecord> =>
      tx.integrationSyncRun.create({ data: { tenantId, integrationId, trigger }, select: runSelect }),
    findById: (id: string): Promise<SyncRunRecord | null> =>
      tx.integrationSyncRun.findUnique({ where: { tenantId_id: { tenantId, id } }, select: runSelect }),
    listForIntegration: (integrationId: string, limit = 20): Promise<SyncRunRecord[]> =>
      tx.integrationSyncRun.findMany({
        where: { tenantId, integrationId },
        select: runSelect,
        orderBy: { createdAt: "desc" },
        take: Math.min(Math.max(limit, 1), 100),
      }),
    /** The run not yet finished for this integration, if any (a resumed job continues it). */
    findOpen: (integrationId: string): Promise<SyncRunRecord | null> =>
      tx.integrationSyncRun.findFirst({
        where: { tenantId, integrationId, finishedAt: null },
        select: runSelect,
        orderBy: { createdAt: "desc" },
      }),
    update: (id: string, data: SyncRunUpdate, increments: SyncRunIncrements = {}): Promise<SyncRunRecord> =>
      tx.integrationSyncRun.update({
        where: { tenantId_id: { tenantId, id } },
        data: {
          ...data,
          ...Object.fromEntries(Object.entries(increments).map(([key, value]) => [key, { increment: value }])),
        },
        select: runSelect,
      }),
  };
}

/** Global: the tenant registry walked by key rotation and the schedule reconcile (ids only). */
export function integrationDirectoryRepo(tx: Tx) {
  return {
    listTenantIds: async (limit: number, afterId?: string): Promise<string[]> =>
      (
        await tx.organization.findMany({
          where: afterId ? { id: { gt: afterId } } : {},
          select: { id: true },
          orderBy: { id: "asc" },
          take: limit,
        })
      ).map((row) => row.id),
  };
}
