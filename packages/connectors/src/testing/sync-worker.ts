import { bullPrefix, createRedis, jobContext, QUEUE_NAMES, runWithDelays } from "@greenroom/queue";
import { Worker, type WorkerOptions } from "bullmq";

import { runIntegrationSync, type SyncOptions, type SyncPayload } from "../framework/sync";
import { SYNC_JOB } from "../framework/schedule";
import { syncGithubRepo } from "../github/webhooks";
import { CONNECTORS } from "../index";

/** A BullMQ worker that runs only integration syncs (tests and the SIGKILL child process). */
export function startSyncWorker(options: { concurrency?: number; sync?: Partial<SyncOptions>; worker?: Partial<WorkerOptions>; onRun?: (payload: SyncPayload) => void }) {
  return new Worker(
    QUEUE_NAMES.default,
    async (job, token) => {
      if (job.name === "integration.sync-repo") return runWithDelays(job, token, () => syncGithubRepo(job.data as { tenantId: string; integrationId: string; repo: string }));
      if (job.name !== SYNC_JOB) return undefined;
      options.onRun?.(job.data as SyncPayload);
      return runWithDelays(job, token, () => runIntegrationSync(job.data as SyncPayload, jobContext(job), { connectors: CONNECTORS, ...options.sync }));
    },
    { connection: createRedis("worker"), prefix: bullPrefix(), concurrency: options.concurrency ?? 1, ...options.worker },
  );
}
