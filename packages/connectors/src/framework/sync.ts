import { randomUUID } from "node:crypto";

import { parseCatalogEntities, parseCatalogYaml, type CatalogError, type ParsedEntity } from "@greenroom/catalog";
import { applyMutation, ensureSource, sourceName } from "@greenroom/catalog/engine";
import { BULK_WRITE, withTenant, type IntegrationKind, type Prisma, type SyncRunRecord } from "@greenroom/db";
import { DelayJob, prefixedKey, sharedRedis, type JobContext } from "@greenroom/queue";
import { UnrecoverableError } from "bullmq";
import type { Redis } from "ioredis";

import type { Checkpoint, Connector, StagedItem } from "./connector";
import { openSecrets } from "./crypto";
import { applyOpsRecords } from "./ops-apply";
import { PermanentError, RateLimitedError } from "./errors";
import { guardedFetch, networkPolicyFromEnv } from "./network";
import { scheduleIntegration, unscheduleIntegration } from "./schedule";

export type SyncTrigger = "schedule" | "manual" | "webhook" | "setup";
export type SyncPayload = { tenantId: string; integrationId: string; trigger: SyncTrigger };

export type SyncOptions = {
  connectors: Partial<Record<IntegrationKind, Connector>>;
  /** Pages fetched before the job yields its slot to other tenants' jobs (fairness). */
  pagesPerSlice?: number;
  /** How long the per-integration lock lives without renewal (a killed worker's lock expires). */
  lockMs?: number;
  redis?: Redis;
  fetch?: typeof fetch;
};

export type SyncOutcome =
  | { status: "skipped"; reason: string }
  | { status: "succeeded" | "held"; runId: string; created: number; updated: number; deleted: number; unchanged: number };

type RunCheckpoint = Checkpoint & { staged: number; etags?: Record<string, string> };

const STAGING_TTL_SECONDS = 24 * 3600;
const MAX_RECORDED_ERRORS = 50;

// Compare-and-set on the lock's owner, so a worker whose lock expired cannot extend or free
// the lock the next worker now holds.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

function stagingKey(runId: string): string {
  return prefixedKey("integration-sync", "staging", runId);
}

function appendErrors(run: SyncRunRecord, entries: unknown[]): Prisma.InputJsonValue {
  const previous = Array.isArray(run.errors) ? run.errors : [];
  return [...previous, ...entries].slice(-MAX_RECORDED_ERRORS) as Prisma.InputJsonValue;
}

/**
 * One BullMQ job's share of an integration sync. A run is a sequence of connector steps (pages);
 * after each step the found documents are appended to a Redis staging list and the run record's
 * checkpoint (cursor + staged length) is updated, so a worker killed at any point resumes from
 * the last checkpoint: the staging list is trimmed back to the checkpointed length (nothing
 * duplicated) and the next page is fetched again (nothing lost). After `pagesPerSlice` pages the
 * job re-queues itself behind every other waiting job, so one 10,000-repo org cannot hold the
 * workers while small orgs wait. When the listing is complete, everything staged is applied as
 * one full mutation through the catalog engine, as this integration's source: hash diffing
 * makes an unchanged sync write nothing, and the mass-deletion guard holds a sync that would
 * delete too much (an upstream outage returning empty lists).
 */
export async function runIntegrationSync(payload: SyncPayload, job: JobContext | undefined, options: SyncOptions): Promise<SyncOutcome> {
  const redis = options.redis ?? sharedRedis();
  const lockMs = options.lockMs ?? 60_000;
  const pagesPerSlice = options.pagesPerSlice ?? 10;
  const scope = { tenantId: payload.tenantId };

  const loaded = await withTenant(scope, async (db) => ({
    integration: await db.integrations.findById(payload.integrationId),
    sealed: await db.integrations.secretsOf(payload.integrationId),
    open: await db.integrationSyncRuns.findOpen(payload.integrationId),
  }));
  const { integration, sealed } = loaded;
  if (!integration || !sealed) return { status: "skipped", reason: "the integration no longer exists" };
  if (payload.trigger === "schedule" && integration.status !== "ACTIVE" && !loaded.open) return { status: "skipped", reason: `the integration is ${integration.status.toLowerCase()}` };
  const connector = options.connectors[integration.kind];
  if (!connector) return { status: "skipped", reason: `no connector for ${integration.kind}` };

  // One worker per integration at a time; another trigger waits its turn (dedup keeps at most one queued).
  const lockKey = prefixedKey("integration-sync", "lock", payload.integrationId);
  const lockToken = randomUUID();
  if ((await redis.set(lockKey, lockToken, "PX", lockMs, "NX")) !== "OK") {
    throw new DelayJob(Date.now() + Math.min(lockMs, 5_000), "another sync of this integration is running");
  }
  const renew = () => redis.eval(RENEW, 1, lockKey, lockToken, String(lockMs));
  const release = () => redis.eval(RELEASE, 1, lockKey, lockToken);

  try {
    let run = await withTenant(scope, async (db) => {
      const open = await db.integrationSyncRuns.findOpen(payload.integrationId);
      const current = open ?? (await db.integrationSyncRuns.create(payload.integrationId, payload.trigger));
      const started = await db.integrationSyncRuns.update(current.id, { status: "running", delayedUntil: null, ...(current.startedAt ? {} : { startedAt: new Date() }) });
      if (!open) await db.integrations.update(payload.integrationId, { lastRunId: current.id, lastSyncStatus: "running" });
      return started;
    });
    const key = stagingKey(run.id);
    const saved = run.checkpoint as Partial<RunCheckpoint>;
    const context = {
      config: integration.config as Record<string, unknown>,
      secrets: openSecrets(sealed.secretsCiphertext, sealed.id),
      fetch: options.fetch ?? guardedFetch(networkPolicyFromEnv()),
    };

    let checkpoint: RunCheckpoint;
    if (saved && typeof saved.phase === "string") checkpoint = saved as RunCheckpoint;
    else {
      checkpoint = { ...connector.initialCheckpoint(), staged: 0 };
      // Conditional requests first: when the upstream answers 304 everywhere, the run is done.
      // A webhook-triggered run skips it: the event said something changed that the probed
      // listings may not show (team membership, team repository permissions).
      const previous = connector.probe && payload.trigger !== "webhook" ? await lastSucceeded(payload) : null;
      if (connector.probe && previous?.etags) {
        let probe;
        try {
          probe = await connector.probe(context, previous.etags, previous.sizes);
        } catch (error) {
          run = await handleStepFailure(payload, run, error, job);
          throw error instanceof PermanentError ? new UnrecoverableError(error.message) : error instanceof RateLimitedError ? new DelayJob(error.resetAt, error.message) : error;
        }
        if (!probe.changed) return await finishUnchanged(payload, run, probe, previous.etags);
        checkpoint.etags = probe.etags;
        run = await withTenant(scope, (db) => db.integrationSyncRuns.update(run.id, { checkpoint: checkpoint as Prisma.InputJsonValue }, { requests: probe.requests, rateLimitUsed: probe.budgetUsed }));
      }
    }
    // Drop whatever a killed worker appended after its last checkpoint.
    if (checkpoint.staged === 0) await redis.del(key);
    else await redis.ltrim(key, 0, checkpoint.staged - 1);

    for (let page = 0; page < pagesPerSlice; page += 1) {
      let step;
      try {
        step = await connector.step(context, checkpoint);
      } catch (error) {
        run = await handleStepFailure(payload, run, error, job);
        throw error instanceof PermanentError ? new UnrecoverableError(error.message) : error instanceof RateLimitedError ? new DelayJob(error.resetAt, error.message) : error;
      }
      if (step.documents.length) {
        await redis.rpush(key, ...step.documents.map((item) => JSON.stringify(item)));
        await redis.expire(key, STAGING_TTL_SECONDS);
      }
      const progress = (run.progress ?? {}) as Record<string, { done: number; total?: number }>;
      const phase = progress[checkpoint.phase] ?? { done: 0 };
      progress[checkpoint.phase] = { done: phase.done + step.items, ...(step.total !== undefined ? { total: step.total } : phase.total !== undefined ? { total: phase.total } : {}) };
      const nextCheckpoint: RunCheckpoint | null = step.next ? { ...step.next, staged: checkpoint.staged + step.documents.length, ...(checkpoint.etags ? { etags: checkpoint.etags } : {}) } : null;
      const staged = checkpoint.staged + step.documents.length;
      run = await withTenant(scope, (db) =>
        db.integrationSyncRuns.update(
          run.id,
          { checkpoint: (nextCheckpoint ?? { ...checkpoint, phase: "apply", cursor: null, staged }) as Prisma.InputJsonValue, progress: progress as Prisma.InputJsonValue, phase: nextCheckpoint?.phase ?? "apply" },
          { requests: step.requests, rateLimitUsed: step.budgetUsed },
        ),
      );
      await renew();
      if (!nextCheckpoint) {
        // A first run records ETags after its listing, so the next run can ask "changed?" cheaply.
        if (connector.probe && !checkpoint.etags) {
          const sizes = Object.fromEntries(Object.entries(progress).map(([phase, value]) => [phase, value.total ?? value.done]));
          const probe = await connector.probe(context, {}, sizes).catch(() => null);
          if (probe) run = await withTenant(scope, (db) => db.integrationSyncRuns.update(run.id, { checkpoint: { ...(run.checkpoint as object), etags: probe.etags } as Prisma.InputJsonValue }, { requests: probe.requests, rateLimitUsed: probe.budgetUsed }));
        }
        const outcome = await finishRun(payload, run, key, redis, connector);
        // Succeeding after a permanent error (new credentials, a GitHub App installed again)
        // restarts the schedule that error removed.
        if (integration.status === "ERROR") await scheduleIntegration(payload.tenantId, payload.integrationId, integration.intervalMinutes);
        return outcome;
      }
      checkpoint = nextCheckpoint;
    }
    throw new DelayJob(Date.now(), "yielding to other organizations' syncs");
  } finally {
    await release();
  }
}

/** The ETags and item counts of the integration's last successful run, if it recorded any. */
async function lastSucceeded(payload: SyncPayload): Promise<{ etags: Record<string, string> | null; sizes: Record<string, number> } | null> {
  const runs = await withTenant({ tenantId: payload.tenantId }, (db) => db.integrationSyncRuns.listForIntegration(payload.integrationId, 10));
  const last = runs.find((run) => run.status === "succeeded");
  if (!last) return null;
  const etags = (last.checkpoint as Partial<RunCheckpoint>).etags ?? null;
  const progress = (last.progress ?? {}) as Record<string, { done: number; total?: number }>;
  return { etags, sizes: Object.fromEntries(Object.entries(progress).map(([phase, value]) => [phase, value.total ?? value.done])) };
}

/** Nothing changed upstream: the run ends without listing anything or writing a row. */
async function finishUnchanged(payload: SyncPayload, run: SyncRunRecord, probe: { requests: number; budgetUsed: number }, etags: Record<string, string>): Promise<SyncOutcome> {
  return withTenant({ tenantId: payload.tenantId }, async (db) => {
    const source = await db.catalogSources.findByName(sourceName("INTEGRATION", payload.integrationId));
    const unchanged = source ? (await db.catalogWrites.entitiesOfSource(source.id)).length : 0;
    const previousProgress = await db.integrationSyncRuns.listForIntegration(payload.integrationId, 10).then((runs) => runs.find((entry) => entry.status === "succeeded")?.progress ?? {});
    await db.integrationSyncRuns.update(
      run.id,
      { status: "succeeded", finishedAt: new Date(), phase: null, checkpoint: { phase: "done", cursor: null, staged: 0, etags } as Prisma.InputJsonValue, progress: previousProgress as Prisma.InputJsonValue, message: `Nothing changed upstream (${probe.requests} conditional requests answered 304); nothing written` },
      { requests: probe.requests, rateLimitUsed: probe.budgetUsed, unchanged },
    );
    await db.integrations.update(payload.integrationId, { lastSyncAt: new Date(), lastSyncStatus: "succeeded" });
    return { status: "succeeded" as const, runId: run.id, created: 0, updated: 0, deleted: 0, unchanged };
  });
}

async function handleStepFailure(payload: SyncPayload, run: SyncRunRecord, error: unknown, job: JobContext | undefined): Promise<SyncRunRecord> {
  const scope = { tenantId: payload.tenantId };
  const message = errorMessage(error);
  if (error instanceof RateLimitedError) {
    return withTenant(scope, (db) => db.integrationSyncRuns.update(run.id, { status: "delayed", delayedUntil: new Date(error.resetAt), message: `${message}; resuming at ${new Date(error.resetAt).toISOString()}` }));
  }
  const finalAttempt = error instanceof PermanentError || !job || job.attemptsMade + 1 >= job.maxAttempts;
  const updated = await withTenant(scope, async (db) => {
    const entry = { at: new Date().toISOString(), message, phase: (run.checkpoint as Partial<Checkpoint>).phase ?? null };
    if (!finalAttempt) return db.integrationSyncRuns.update(run.id, { errors: appendErrors(run, [entry]), message: `${message} (attempt ${(job?.attemptsMade ?? 0) + 1}, retrying with backoff)` });
    const failed = await db.integrationSyncRuns.update(run.id, { status: "failed", errors: appendErrors(run, [entry]), message, finishedAt: new Date() });
    await db.integrations.update(payload.integrationId, {
      lastSyncAt: new Date(),
      lastSyncStatus: "failed",
      ...(error instanceof PermanentError ? { status: "ERROR" as const, statusMessage: message } : {}),
    });
    return failed;
  });
  if (finalAttempt) await sharedRedis().del(stagingKey(run.id));
  // A permanent error stops the schedule until an admin fixes the integration.
  if (error instanceof PermanentError) await unscheduleIntegration(payload.tenantId, payload.integrationId);
  return updated;
}

async function finishRun(payload: SyncPayload, run: SyncRunRecord, key: string, redis: Redis, connector: Connector): Promise<SyncOutcome> {
  const items = (await redis.lrange(key, 0, -1)).map((line) => JSON.parse(line) as StagedItem);
  const outcome = await withTenant({ tenantId: payload.tenantId }, async (db) => {
    const source = await ensureSource(db, { kind: "INTEGRATION", key: payload.integrationId });
    const entities: ParsedEntity[] = [];
    const errors: CatalogError[] = [];
    const docs = items.flatMap((item) => ("doc" in item ? [item.doc] : []));
    // One "document" per repository, team and person: an org's count is not an upload's limit.
    const parsedDocs = parseCatalogEntities(docs, { sourceName: source.name, maxDocuments: Math.max(docs.length, 1) });
    entities.push(...parsedDocs.entities);
    errors.push(...parsedDocs.errors);
    for (const item of items) if ("error" in item) errors.push(item.error);
    for (const item of items) {
      if (!("yaml" in item)) continue;
      const parsed = parseCatalogYaml(item.yaml, { sourceName: item.location });
      entities.push(...parsed.entities);
      errors.push(...parsed.errors);
    }
    // Two repos declaring the same entity: the first wins, the rest are reported.
    const seen = new Set<string>();
    let unique = entities.filter((entity) => (seen.has(entity.ref) ? false : (seen.add(entity.ref), true)));
    // An enriching connector (Datadog service definitions) creates only what nobody else owns;
    // for the rest its records add to the entity instead of a conflict with the owning source.
    if (connector.docsYieldToOtherSources && unique.length) {
      const owned = await db.catalogWrites.entitiesByRefs(unique.map((entity) => entity.ref));
      const ownedElsewhere = new Set(owned.filter((entity) => entity.sourceId !== null && entity.sourceId !== source.id).map((entity) => entity.ref));
      unique = unique.filter((entity) => !ownedElsewhere.has(entity.ref));
    }
    const result = await applyMutation(db, source, { type: "full", entities: unique });
    await db.catalogSources.recordMutation(source.id, errors.slice(0, 200) as unknown as Prisma.InputJsonValue);
    // A held catalog mutation holds the operational records too: the run changes nothing.
    const records = items.flatMap((item) => ("record" in item ? [item.record] : []));
    const ops = result.held ? null : await applyOpsRecords(db, payload.integrationId, records);
    const status = result.held ? "held" : "succeeded";
    const found = [unique.length ? `${unique.length} entities` : null, records.length ? `${records.length} operational records` : null].filter(Boolean).join(" and ") || "nothing";
    const message = result.held
      ? `Held for confirmation: this sync would delete ${result.held.wouldDelete} of ${result.held.existingCount} entities (an upstream outage?). Nothing was changed.`
      : `${found} from ${items.length} upstream items${errors.length ? `; ${errors.length} documents or listings could not be read (see errors)` : ""}${ops?.invalid.length ? `; ${ops.invalid.length} malformed records skipped` : ""}`;
    await db.integrationSyncRuns.update(
      run.id,
      {
        status,
        finishedAt: new Date(),
        phase: null,
        message,
        errors: appendErrors(run, [...errors.map((error) => ({ message: `${error.message}`.slice(0, 500) })), ...(ops?.invalid ?? []).map((message) => ({ message }))].slice(0, MAX_RECORDED_ERRORS)),
      },
      { created: result.created + (ops?.created ?? 0), updated: result.updated + (ops?.updated ?? 0), deleted: result.deleted + (ops?.deleted ?? 0), unchanged: result.unchanged + (ops?.unchanged ?? 0) },
    );
    const integration = await db.integrations.findById(payload.integrationId);
    await db.integrations.update(payload.integrationId, {
      lastSyncAt: new Date(),
      lastSyncStatus: status,
      ...(integration?.status === "ERROR" ? { status: "ACTIVE" as const, statusMessage: null } : {}),
    });
    return { status, created: result.created + (ops?.created ?? 0), updated: result.updated + (ops?.updated ?? 0), deleted: result.deleted + (ops?.deleted ?? 0), unchanged: result.unchanged + (ops?.unchanged ?? 0) } as const;
  }, BULK_WRITE);
  await redis.del(key);
  return { ...outcome, runId: run.id };
}
