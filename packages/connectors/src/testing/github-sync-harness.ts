import { randomBytes } from "node:crypto";

import { bullPrefix, createRedis, QUEUE_NAMES } from "@greenroom/queue";
import type { GithubSimulator } from "@greenroom/simulators/github";
import { Queue, type Worker } from "bullmq";
import { afterAll, beforeAll } from "vitest";

import { closeIntegrationQueue } from "../framework/schedule";
import { startWebhookReceiver } from "./github-test-kit";
import { startSyncWorker } from "./sync-worker";

/**
 * Gives this test file its own Redis prefix and encryption key, and lets integrations reach the
 * simulator on loopback. Call at the top of the file, before any test reads the environment.
 */
export function isolateSyncTestEnv(label: string): void {
  process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "gr-test"}-${label}-${randomBytes(3).toString("hex")}`;
  process.env.INTEGRATIONS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  process.env.INTEGRATIONS_ALLOW_PRIVATE_NETWORKS = "true";
}

export type GithubSyncHarness = {
  github: GithubSimulator;
  /** Where the simulator's webhooks go: set it before a test makes the simulator deliver. */
  webhookTarget: { tenantId: string; integrationId: string };
  /** The app's webhook URL for `github.control.setWebhook`. */
  webhookUrl: string;
};

/**
 * Before the file's tests: the simulator `createSimulator` returns, a webhook receiver doing
 * what apps/web's route does (the simulator delivers to it when `webhookSecret` is given), and a
 * sync worker on this run's queue; all closed after them.
 */
export function useGithubSyncHarness(createSimulator: () => Promise<GithubSimulator>, options: { webhookSecret?: string; onClose?: () => void } = {}): GithubSyncHarness {
  const harness = { webhookTarget: { tenantId: "", integrationId: "" }, webhookUrl: "" } as GithubSyncHarness;
  let queue: Queue | undefined;
  let worker: Worker | undefined;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>> | undefined;

  beforeAll(async () => {
    harness.github = await createSimulator();
    queue = new Queue(QUEUE_NAMES.default, { connection: createRedis("producer"), prefix: bullPrefix() });
    receiver = await startWebhookReceiver(
      () => harness.webhookTarget.tenantId,
      () => harness.webhookTarget.integrationId,
    );
    harness.webhookUrl = receiver.url;
    if (options.webhookSecret) harness.github.control.setWebhook({ url: receiver.url, secret: options.webhookSecret });
    worker = startSyncWorker({});
    worker.on("error", () => undefined);
  });

  afterAll(async () => {
    await worker?.close(true);
    await receiver?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await closeIntegrationQueue();
    await harness.github?.close();
    options.onClose?.();
  });

  return harness;
}
