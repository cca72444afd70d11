import { Queue, type JobsOptions } from "bullmq";

import { sharedRedis } from "./connection";
import { queueEnv } from "./env";
import { DEFAULT_JOB_OPTIONS, parseJobPayload, QUEUE_NAMES, type JobName, type JobPayload } from "./jobs";

const globalForQueue = globalThis as unknown as { greenroomQueue?: Queue };

function defaultQueue(): Queue {
  globalForQueue.greenroomQueue ??= new Queue(QUEUE_NAMES.default, {
    connection: sharedRedis(),
    prefix: bullPrefix(),
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  return globalForQueue.greenroomQueue;
}

/** Validates the payload against the registry, then enqueues it. */
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options?: JobsOptions): Promise<string | undefined> {
  const job = await defaultQueue().add(name, parseJobPayload(name, payload), options);
  return job.id;
}

/**
 * Creates or updates a repeating job (BullMQ job scheduler): idempotent, so every worker may
 * call it at start and there is still one schedule per id.
 */
export async function upsertSchedule<N extends JobName>(schedulerId: string, everyMs: number, name: N, payload: JobPayload<N>): Promise<void> {
  await defaultQueue().upsertJobScheduler(schedulerId, { every: everyMs }, { name, data: parseJobPayload(name, payload) });
}

export function bullPrefix(): string {
  // Braces make the prefix a Redis Cluster hash tag, so all of a queue's keys share a slot.
  return `{${queueEnv().REDIS_PREFIX}}`;
}

export async function closeQueues(): Promise<void> {
  await globalForQueue.greenroomQueue?.close();
  globalForQueue.greenroomQueue = undefined;
}
