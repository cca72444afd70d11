// What other packages' tests use: a worker that runs integration syncs, and polling until a condition holds.
export { startSyncWorker } from "./sync-worker";
export { waitFor } from "./wait-for";
