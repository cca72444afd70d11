import { BlockedAddressError, checkBaseUrl, CONNECTORS, guardedFetch, IntegrationInputError, networkPolicyFromEnv, publicIntegration, requestSync, scheduleIntegration, type ConnectionVerdict } from "@greenroom/connectors";
import { isUniqueViolation, type IntegrationKind, type IntegrationRecord, type SyncRunRecord, type TenantDb } from "@greenroom/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

export const ZIntegrationId = z.uuid("Choose an integration");
export const ZIntervalMinutes = z.number().int().min(5, "Sync at most every 5 minutes").max(7 * 24 * 60, "Sync at least once a week");

export async function findIntegration(db: TenantDb, integrationId: string): Promise<IntegrationRecord> {
  const integration = await db.integrations.findById(integrationId);
  if (!integration) throw new TRPCError({ code: "NOT_FOUND", message: "Integration not found" });
  return integration;
}

/** Input problems (bad config, refused base URL) become BAD_REQUEST with the reason in words. */
export function inputProblem(error: unknown): never {
  if (error instanceof IntegrationInputError || error instanceof BlockedAddressError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  if (error instanceof Error && /not a URL|base URL|does not resolve|ENOTFOUND/.test(error.message)) throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  throw error;
}

/** A run as the UI shows it: counts, timings, progress; the resume checkpoint stays server-side. */
export function publicRun(run: SyncRunRecord) {
  return {
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    phase: run.phase,
    progress: run.progress as Record<string, { done: number; total?: number }>,
    requests: run.requests,
    rateLimitUsed: run.rateLimitUsed,
    created: run.created,
    updated: run.updated,
    deleted: run.deleted,
    unchanged: run.unchanged,
    errors: run.errors,
    message: run.message,
    delayedUntil: run.delayedUntil,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    createdAt: run.createdAt,
  };
}

export { publicIntegration };

/** Once the new integration is committed: its schedule, and the first ("setup") sync right away. */
export function startSyncingAfterCommit(db: TenantDb, record: IntegrationRecord): void {
  const tenantId = db.tenantId;
  db.afterCommit(async () => {
    await scheduleIntegration(tenantId, record.id, record.intervalMinutes);
    await requestSync(tenantId, record.id, "setup");
  });
}

/** Why connecting failed, in words: a taken name is CONFLICT, bad input BAD_REQUEST. */
export function connectProblem(error: unknown, name: string): never {
  if (isUniqueViolation(error)) throw new TRPCError({ code: "CONFLICT", message: `An integration named "${name}" already exists` });
  inputProblem(error);
}

/** A connector's own connection test, after the base URL passed the SSRF policy. */
export async function testWithConnector(kind: IntegrationKind, config: Record<string, unknown>, secrets: Record<string, string>): Promise<ConnectionVerdict> {
  try {
    await checkBaseUrl(config);
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  const connector = CONNECTORS[kind];
  if (!connector) return { ok: false, problem: `${kind} is not available on this server yet` };
  return connector.testConnection({ config, secrets, fetch: guardedFetch(networkPolicyFromEnv()) });
}
