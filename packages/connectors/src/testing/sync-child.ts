// Child process for the SIGKILL test: runs a sync worker until it is killed.
import { startSyncWorker } from "./sync-worker";

const worker = startSyncWorker({ sync: { pagesPerSlice: 1000, lockMs: 1_500 }, worker: { lockDuration: 1_500, stalledInterval: 1_000 } });
worker.on("error", () => undefined);
await worker.waitUntilReady();
process.send?.("ready");
