import { closeQueues, closeSharedRedis } from "@greenroom/queue";

import { workerEnv } from "./env";
import { startWorkerRuntime } from "./runtime";

const env = workerEnv();
const runtime = await startWorkerRuntime({ concurrency: env.WORKER_CONCURRENCY, healthPort: env.WORKER_HEALTH_PORT || null });
console.log(`Worker ready: concurrency ${env.WORKER_CONCURRENCY}, health on :${env.WORKER_HEALTH_PORT}/healthz`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing running jobs, then exiting`);
  await runtime.close();
  await closeQueues();
  await closeSharedRedis();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
