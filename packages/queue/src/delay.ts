import { DelayedError, type Job } from "bullmq";

/**
 * Thrown by a handler that wants its job run again later without spending an attempt: an
 * upstream rate limit (until its reset) or a long job yielding its slot so other tenants'
 * jobs run in between (fairness). The worker runtime moves the job to delayed.
 */
export class DelayJob extends Error {
  constructor(
    readonly until: number,
    readonly reason: string,
  ) {
    super(`delayed until ${new Date(until).toISOString()}: ${reason}`);
  }
}

/** What a handler may know about its job besides the payload (never the payload's secrets). */
export type JobContext = { id: string | undefined; attemptsMade: number; maxAttempts: number };

export function jobContext(job: Job): JobContext {
  return { id: job.id, attemptsMade: job.attemptsMade, maxAttempts: job.opts.attempts ?? 1 };
}

/** Runs a handler, turning DelayJob into BullMQ's moveToDelayed + DelayedError. */
export async function runWithDelays<T>(job: Job, token: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DelayJob) {
      await job.moveToDelayed(Math.max(error.until, Date.now()), token);
      throw new DelayedError(error.message);
    }
    throw error;
  }
}
