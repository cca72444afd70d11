import { createServer, type Server } from "node:http";

import { bullPrefix, createRedis, isJobName, jobContext, parseJobPayload, pingRedis, QUEUE_NAMES, runWithDelays } from "@greenroom/queue";
import { scheduleBillingJobs } from "@greenroom/billing";
import { UnrecoverableError, Worker, type Job } from "bullmq";

import type { JobContext, JobName } from "@greenroom/queue";

import { handlers } from "./handlers";

export type WorkerRuntime = { worker: Worker; health: Server | null; close: () => Promise<void> };

async function processJob(job: Job, token?: string): Promise<unknown> {
  if (!isJobName(job.name)) throw new UnrecoverableError(`No handler for job "${job.name}"`);
  // Payloads are validated again on the way out: a job enqueued by an older deploy may not fit,
  // and a payload that does not fit now never will, so it is not retried.
  let payload: unknown;
  try {
    payload = parseJobPayload(job.name, job.data);
  } catch (error) {
    throw new UnrecoverableError(`Malformed payload for "${job.name}": ${(error as Error).message}`);
  }
  // A handler may ask to run again later (rate limit, yielding to other tenants): DelayJob.
  return runWithDelays(job, token, () => (handlers[job.name as JobName] as (payload: unknown, context: JobContext) => Promise<unknown>)(payload, jobContext(job)));
}

export async function startWorkerRuntime(options: { concurrency: number; healthPort: number | null; log?: (line: string) => void }): Promise<WorkerRuntime> {
  const log = options.log ?? ((line: string) => console.log(line));
  const connection = createRedis("worker");
  const worker = new Worker(QUEUE_NAMES.default, processJob, {
    connection,
    prefix: bullPrefix(),
    concurrency: options.concurrency,
  });
  // Log ids, names and attempts only: payloads may hold customer data.
  worker.on("failed", (job, error) => log(`job ${job?.id} (${job?.name}) failed on attempt ${job?.attemptsMade}: ${error.message}`));
  worker.on("error", (error) => log(`worker error: ${error.message}`));
  await scheduleBillingJobs();

  let health: Server | null = null;
  if (options.healthPort !== null) {
    health = createServer((request, response) => {
      if (request.url !== "/healthz") {
        response.writeHead(404).end();
        return;
      }
      pingRedis(connection).then(
        () => response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok","redis":"ok"}'),
        () => response.writeHead(503, { "content-type": "application/json" }).end('{"status":"degraded","redis":"down"}'),
      );
    });
    await new Promise<void>((resolve) => health!.listen(options.healthPort!, "0.0.0.0", resolve));
  }

  return {
    worker,
    health,
    close: async () => {
      health?.close();
      await worker.close(); // waits for running jobs to finish
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
