import { bullPrefix, QUEUE_NAMES, sharedRedis } from "@greenroom/queue";
import { Queue } from "bullmq";

import type { SyncTrigger } from "./sync";

export const SYNC_JOB = "integration.sync";

const globalForQueue = globalThis as unknown as { greenroomIntegrationQueue?: Queue };

function queue(): Queue {
  globalForQueue.greenroomIntegrationQueue ??= new Queue(QUEUE_NAMES.default, { connection: sharedRedis(), prefix: bullPrefix() });
  return globalForQueue.greenroomIntegrationQueue;
}

export async function closeIntegrationQueue(): Promise<void> {
  await globalForQueue.greenroomIntegrationQueue?.close();
  globalForQueue.greenroomIntegrationQueue = undefined;
}

/** Scheduler ids carry no ':' (BullMQ 6 rejects them in derived job ids). */
export function schedulerId(tenantId: string, integrationId: string): string {
  return `int-${tenantId}-${integrationId}`;
}

const JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: "exponential", delay: 5_000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
} as const;

/** One BullMQ job scheduler per integration, upserted whenever its interval or status changes. */
export async function scheduleIntegration(tenantId: string, integrationId: string, intervalMinutes: number): Promise<void> {
  await queue().upsertJobScheduler(
    schedulerId(tenantId, integrationId),
    // The first scheduled run comes one interval from now: connecting starts its own sync.
    { every: intervalMinutes * 60_000, startDate: Date.now() + intervalMinutes * 60_000 },
    { name: SYNC_JOB, data: { tenantId, integrationId, trigger: "schedule" satisfies SyncTrigger }, opts: JOB_OPTIONS },
  );
}

export async function unscheduleIntegration(tenantId: string, integrationId: string): Promise<void> {
  await queue().removeJobScheduler(schedulerId(tenantId, integrationId));
}

export async function isScheduled(tenantId: string, integrationId: string): Promise<boolean> {
  return Boolean(await queue().getJobScheduler(schedulerId(tenantId, integrationId)));
}

/**
 * "Sync now": deduplicated per integration. While a sync runs, at most one more waits behind
 * it (keepLastIfActive), so ten clicks or a webhook burst make one extra run, not ten.
 */
export async function requestSync(tenantId: string, integrationId: string, trigger: SyncTrigger): Promise<string | undefined> {
  const job = await queue().add(SYNC_JOB, { tenantId, integrationId, trigger }, { ...JOB_OPTIONS, deduplication: { id: `sync-${integrationId}`, keepLastIfActive: true } });
  return job.id;
}
