import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { sourceName } from "@greenroom/catalog/engine";
import { withTenant } from "@greenroom/db";
import { bullPrefix, createRedis, QUEUE_NAMES } from "@greenroom/queue";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, signPayload, type GithubSimulator } from "@greenroom/simulators/github";
import { Queue, type Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createIntegration } from "../framework/integrations";
import { closeIntegrationQueue } from "../framework/schedule";
import { startSyncWorker } from "../testing/sync-worker";
import { handleGithubWebhook } from "./webhooks";

process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "gr-test"}-hooks-${randomBytes(3).toString("hex")}`;

const SECRET = "webhook-secret-for-tests";
let github: GithubSimulator;
let queue: Queue;
let tenantId: string;
let integrationId: string;

beforeAll(async () => {
  github = await createGithubSimulator({ seed: { org: "acme", repos: 8, teams: 2, people: 4, seed: 21 }, secondaryLimits: false });
  queue = new Queue(QUEUE_NAMES.default, { connection: createRedis("producer"), prefix: bullPrefix() });
  tenantId = randomUUID();
  await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: `hooks-${tenantId.slice(0, 8)}`, name: "Hooks", trialEndsAt: new Date() }));
  integrationId = (
    await withTenant({ tenantId }, (db) =>
      createIntegration(db, { kind: "GITHUB", name: "gh", config: { baseUrl: github.url, org: "acme" }, secrets: { token: DEFAULT_GITHUB_TOKEN, webhookSecret: SECRET }, intervalMinutes: 60, createdById: null }),
    )
  ).id;
});

afterAll(async () => {
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await closeIntegrationQueue();
  await github.close();
});

function headers(body: string, event: string, delivery: string, secret = SECRET) {
  return new Headers({ "x-github-event": event, "x-github-delivery": delivery, "x-hub-signature-256": signPayload(secret, body) });
}

async function jobCount(): Promise<number> {
  return queue.getJobCountByTypes("waiting", "active", "delayed", "completed", "failed", "prioritized");
}

describe("GitHub webhooks", () => {
  it("rejects a bad signature and enqueues nothing", async () => {
    const before = await jobCount();
    const body = JSON.stringify({ repository: { name: "x" } });
    const answer = await handleGithubWebhook({ tenantId, integrationId, rawBody: body, headers: headers(body, "push", randomUUID(), "wrong-secret") });
    expect(answer.status).toBe(401);
    const unsigned = await handleGithubWebhook({ tenantId, integrationId, rawBody: body, headers: new Headers({ "x-github-event": "push", "x-github-delivery": randomUUID() }) });
    expect(unsigned.status).toBe(401);
    // Tampered body, right signature of the original.
    const tampered = await handleGithubWebhook({ tenantId, integrationId, rawBody: body.replace("x", "y"), headers: headers(body, "push", randomUUID()) });
    expect(tampered.status).toBe(401);
    expect(await jobCount()).toBe(before);
    expect((await handleGithubWebhook({ tenantId: randomUUID(), integrationId, rawBody: body, headers: headers(body, "push", randomUUID()) })).status).toBe(404);
  });

  it("processes a replayed delivery once", async () => {
    const before = await jobCount();
    const body = JSON.stringify({ ref: "refs/heads/main", repository: { name: "replayed-repo", full_name: "acme/replayed-repo" } });
    const delivery = randomUUID();
    const first = await handleGithubWebhook({ tenantId, integrationId, rawBody: body, headers: headers(body, "push", delivery) });
    const replay = await handleGithubWebhook({ tenantId, integrationId, rawBody: body, headers: headers(body, "push", delivery) });
    expect(first).toMatchObject({ status: 202, body: { queued: "repository" } });
    expect(replay).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await jobCount()).toBe(before + 1);
  });

  it("turns a push to catalog-info.yaml in the simulator into a targeted sync of that repository", async () => {
    const worker: Worker = startSyncWorker({});
    worker.on("error", () => undefined);
    // The simulator delivers over HTTP to a receiver that does what the Next route does.
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
        handleGithubWebhook({ tenantId, integrationId, rawBody: Buffer.concat(chunks).toString("utf8"), headers }).then(
          (answer) => response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body)),
          () => response.writeHead(500).end(),
        );
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      github.control.setWebhook({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/github`, secret: SECRET });
      const repo = [...github.state.org("acme")!.repos.keys()][0]!;
      const yaml = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: pushed-${repo}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/platform\n`;
      const started = Date.now();
      await github.control.push(repo, { path: "catalog-info.yaml", content: yaml });
      let found: { sourceId: string | null }[] = [];
      while (Date.now() - started < 15_000 && found.length === 0) {
        found = await withTenant({ tenantId }, (db) => db.catalogWrites.entitiesByRefs([`component:default/pushed-${repo}`.toLowerCase()]));
        if (!found.length) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(found).toHaveLength(1);
      const source = await withTenant({ tenantId }, (db) => db.catalogSources.findByName(sourceName("INTEGRATION", integrationId)));
      expect(found[0]!.sourceId).toBe(source!.id);
      const delivery = github.control.deliveries().at(-1)!;
      expect(delivery).toMatchObject({ event: "push", status: 202 });
    } finally {
      github.control.setWebhook(null);
      await worker.close(true);
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
