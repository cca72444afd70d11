export { createRedis, sharedRedis, closeSharedRedis, pingRedis, prefixedKey } from "./connection";
export type { RedisRole } from "./connection";
export { queueEnv } from "./env";
export { jobSchemas, parseJobPayload, isJobName, QUEUE_NAMES, DEFAULT_JOB_OPTIONS } from "./jobs";
export type { JobName, JobPayload } from "./jobs";
export { enqueue, bullPrefix, closeQueues, upsertSchedule } from "./queue";
export { DelayJob, jobContext, runWithDelays } from "./delay";
export type { JobContext } from "./delay";
