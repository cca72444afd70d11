import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

import { sourceName } from "@greenroom/catalog/engine";
import { withTenant } from "@greenroom/db";
import { bullPrefix, createRedis, QUEUE_NAMES } from "@greenroom/queue";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, seedGithubOrg, type GithubSimulator } from "@greenroom/simulators/github";
import { Queue, type Worker } from "bullmq";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { startSyncWorker } from "../testing/sync-worker";
import { newTenant, runsOf } from "../testing/github-test-kit";
import { waitFor } from "../testing/wait-for";
import { createIntegration } from "./integrations";
import { closeIntegrationQueue, isScheduled, requestSync, scheduleIntegration } from "./schedule";

// The sync engine against real Postgres, real Redis (BullMQ) and the GitHub simulator over HTTP.
// This file's jobs live under their own Redis prefix, so no other test's worker takes them.
process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "gr-test"}-sync-${randomBytes(3).toString("hex")}`;
process.env.INTEGRATIONS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.INTEGRATIONS_ALLOW_PRIVATE_NETWORKS = "true";

let github: GithubSimulator;
let queue: Queue;
const workers: Worker[] = [];
const logs: string[] = [];
const originalLog = { log: console.log, error: console.error, warn: console.warn, info: console.info };

beforeAll(async () => {
  for (const level of ["log", "error", "warn", "info"] as const) console[level] = (...args: unknown[]) => void logs.push(args.map(String).join(" "));
  github = await createGithubSimulator({
    orgs: [
      seedGithubOrg({ org: "acme", repos: 30, teams: 4, people: 12, seed: 3 }),
      seedGithubOrg({ org: "huge", repos: 400, teams: 4, people: 10, seed: 4 }),
      seedGithubOrg({ org: "tiny", repos: 5, teams: 3, people: 5, seed: 5 }),
    ],
    secondaryLimits: false,
  });
  queue = new Queue(QUEUE_NAMES.default, { connection: createRedis("producer"), prefix: bullPrefix() });
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close(true)));
  github.control.clearFaults();
});

afterAll(async () => {
  Object.assign(console, originalLog);
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  await closeIntegrationQueue();
  await github.close();
});

function worker(options: Parameters<typeof startSyncWorker>[0] = {}): Worker {
  const started = startSyncWorker({ ...options, sync: { lockMs: 5_000, ...options.sync } });
  started.on("error", () => undefined);
  workers.push(started);
  return started;
}

async function connect(tenantId: string, org: string, options: { token?: string; pageSize?: number } = {}) {
  return withTenant({ tenantId }, (db) =>
    createIntegration(db, {
      kind: "GITHUB",
      name: `GitHub ${org}`,
      config: { baseUrl: github.url, org, pageSize: options.pageSize ?? 10 },
      secrets: { token: options.token ?? DEFAULT_GITHUB_TOKEN },
      intervalMinutes: 60,
      createdById: null,
    }),
  );
}

async function finishedRun(tenantId: string, integrationId: string, count = 1, timeoutMs?: number) {
  return waitFor(async () => {
    const list = await runsOf(tenantId, integrationId);
    return list.filter((run) => run.finishedAt).length >= count ? list.find((run) => run.finishedAt) : undefined;
  }, timeoutMs);
}

async function entitiesOf(tenantId: string, integrationId: string) {
  return withTenant({ tenantId }, async (db) => {
    const source = await db.catalogSources.findByName(sourceName("INTEGRATION", integrationId));
    return source ? db.catalogWrites.entitiesOfSource(source.id) : [];
  });
}

/**
 * Requests beyond one per listing page: the Location targets of each repository page with a
 * Location in a catalog file, and one per extra page of teams' member/repository lists past 100
 * (all teams here fit one page, their long lists paged together).
 */
function followUps(org: string, pageSize: number): number {
  const data = github.state.org(org)!;
  const repos = github.state.sortedRepos(data, "created", "asc");
  const locationPages = new Set(repos.flatMap((repo, index) => (/^kind: Location$/m.test(repo.files.get("catalog-info.yaml")?.content ?? "") ? [Math.floor(index / pageSize)] : [])));
  const teamRounds = Math.max(0, ...[...data.teams.values()].flatMap((team) => [team.members.size, team.repos.size].map((count) => Math.ceil(count / 100) - 1)));
  return locationPages.size + teamRounds;
}

function expectedRefs(org: string): number {
  const data = github.state.org(org)!;
  return data.teams.size + data.members.size;
}

describe("integration sync (GitHub simulator, BullMQ, Postgres)", () => {
  it("syncs repositories, teams and people through the catalog engine; an unchanged re-sync writes nothing", async () => {
    const tenantId = await newTenant("sync");
    const integration = await connect(tenantId, "acme");
    worker();
    await requestSync(tenantId, integration.id, "manual");
    const run = await finishedRun(tenantId, integration.id);
    expect(run.status).toBe("succeeded");
    // 30 repos / 10 per page, 4 teams, 12 people / 10 per page: 6 GraphQL requests; then 6 REST
    // pages (2 per listing) record the ETags the next run asks with.
    expect(followUps("acme", 10)).toBe(0);
    expect(run.requests).toBe(6 + 6);
    expect(run.rateLimitUsed).toBeGreaterThanOrEqual(6);
    expect(run.trigger).toBe("manual");
    expect(run.progress).toMatchObject({ repos: { done: 30, total: 30 }, teams: { done: 4 }, members: { done: 12, total: 12 } });
    const refs = (await entitiesOf(tenantId, integration.id)).map((entity) => entity.ref);
    expect(run.created).toBe(refs.length);
    expect(refs.filter((ref) => ref.startsWith("group:"))).toHaveLength(4);
    expect(refs.filter((ref) => ref.startsWith("user:"))).toHaveLength(12);
    expect(refs.length).toBeGreaterThan(30 + expectedRefs("acme") - 1);

    // An inferred Component for a repo without a catalog file.
    const plain = [...github.state.org("acme")!.repos.values()].find((repo) => !repo.files.has("catalog-info.yaml"))!;
    const component = await withTenant({ tenantId }, (db) => db.catalogWrites.entitiesByRefs([`component:default/${plain.name}`.toLowerCase()]));
    expect(component).toHaveLength(1);

    const integrationAfter = await withTenant({ tenantId }, (db) => db.integrations.findById(integration.id));
    expect(integrationAfter).toMatchObject({ lastSyncStatus: "succeeded", lastRunId: run.id, status: "ACTIVE" });

    await requestSync(tenantId, integration.id, "manual");
    const again = (await waitFor(async () => {
      const list = await runsOf(tenantId, integration.id);
      return list.filter((entry) => entry.finishedAt).length === 2 ? list : undefined;
    }))[0]!;
    // Unchanged upstream: 6 conditional requests, all 304 (free), and no listing at all.
    expect(again).toMatchObject({ status: "succeeded", created: 0, updated: 0, deleted: 0, unchanged: refs.length, requests: 6, rateLimitUsed: 0 });
    expect(again.message).toMatch(/Nothing changed upstream/);

    // A push (no webhook configured) changes the repository listing: the next run lists and applies it.
    await github.control.push(`acme/${plain.name}`, { path: "catalog-info.yaml", content: "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: pushed-by-schedule\nspec:\n  type: service\n  lifecycle: production\n  owner: unknown\n" });
    await requestSync(tenantId, integration.id, "schedule");
    const third = (await waitFor(async () => {
      const list = await runsOf(tenantId, integration.id);
      return list.filter((entry) => entry.finishedAt).length === 3 ? list : undefined;
    }))[0]!;
    expect(third).toMatchObject({ status: "succeeded", created: 1, deleted: 1 });
    expect(third.requests).toBe(6 + 6);
  });

  it("is fair: a small org's sync finishes while a huge org's sync is still running", async () => {
    const huge = await newTenant("sync");
    const tiny = await newTenant("sync");
    const hugeIntegration = await connect(huge, "huge", { pageSize: 5 }); // 80 pages of repos
    const tinyIntegration = await connect(tiny, "tiny", { pageSize: 5 });
    github.control.setFaults({ latencyMs: 15 });
    worker({ concurrency: 1, sync: { pagesPerSlice: 2 } });
    await requestSync(huge, hugeIntegration.id, "manual");
    await waitFor(async () => (await runsOf(huge, hugeIntegration.id))[0]?.requests);
    await requestSync(tiny, tinyIntegration.id, "manual");
    const tinyRun = await finishedRun(tiny, tinyIntegration.id);
    const hugeNow = (await runsOf(huge, hugeIntegration.id))[0]!;
    expect(tinyRun.status).toBe("succeeded");
    // With one worker slot, the tiny sync ran between slices of the huge one.
    expect(hugeNow.finishedAt).toBeNull();
    expect(hugeNow.requests).toBeLessThan(80);
    const hugeRun = await finishedRun(huge, hugeIntegration.id, 1, 60_000);
    expect(hugeRun.status).toBe("succeeded");
    // 80 + 1 + 2 GraphQL pages (and their follow-ups), then 5 + 2 + 2 REST pages recording ETags.
    expect(hugeRun.requests).toBe(80 + 1 + 2 + followUps("huge", 5) + 9);
    expect((await entitiesOf(huge, hugeIntegration.id)).filter((entity) => entity.ref.startsWith("user:"))).toHaveLength(10);
  }, 90_000);

  it("deduplicates 'sync now': ten clicks while a sync runs make at most one more run", async () => {
    const tenantId = await newTenant("sync");
    const integration = await connect(tenantId, "tiny", { pageSize: 1 });
    github.control.setFaults({ latencyMs: 20 });
    worker();
    await requestSync(tenantId, integration.id, "manual");
    await waitFor(async () => (await runsOf(tenantId, integration.id))[0]?.requests);
    for (let click = 0; click < 10; click += 1) await requestSync(tenantId, integration.id, "manual");
    await finishedRun(tenantId, integration.id, 2, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await runsOf(tenantId, integration.id)).toHaveLength(2);
  }, 40_000);

  it("delays the job until the rate limit resets instead of failing it", async () => {
    const tenantId = await newTenant("sync");
    const integration = await connect(tenantId, "tiny");
    github.control.failNext({ path: "/graphql", method: "POST", kind: "secondary", status: 429, retryAfterSeconds: 2 });
    worker();
    const started = Date.now();
    const jobId = await requestSync(tenantId, integration.id, "manual");
    const delayed = await waitFor(async () => (await runsOf(tenantId, integration.id)).find((run) => run.status === "delayed"));
    expect(delayed.message).toMatch(/retry after 2s/);
    expect(delayed.delayedUntil!.getTime()).toBeGreaterThan(started + 1_000);
    const run = await finishedRun(tenantId, integration.id);
    expect(run.status).toBe("succeeded");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    // One attempt in all (the completing one): the delay did not count as a failure.
    const job = await waitFor(async () => ((await queue.getJob(jobId!))?.finishedOn ? queue.getJob(jobId!) : undefined));
    expect(job!.attemptsMade).toBe(1);
    expect(job!.failedReason).toBeFalsy();
  });

  it("stops on bad credentials: run failed, integration in error with a message in words, schedule removed, not retried", async () => {
    const tenantId = await newTenant("sync");
    const integration = await connect(tenantId, "tiny", { token: "ghp_definitely-not-valid-secret" });
    await scheduleIntegration(tenantId, integration.id, 60);
    expect(await isScheduled(tenantId, integration.id)).toBe(true);
    worker();
    const jobId = await requestSync(tenantId, integration.id, "manual");
    const run = await finishedRun(tenantId, integration.id);
    expect(run.status).toBe("failed");
    expect(run.message).toMatch(/Bad credentials/);
    const after = await withTenant({ tenantId }, (db) => db.integrations.findById(integration.id));
    expect(after).toMatchObject({ status: "ERROR", lastSyncStatus: "failed" });
    expect(after!.statusMessage).toMatch(/rejected the token/);
    expect(await isScheduled(tenantId, integration.id)).toBe(false);
    await waitFor(async () => (await queue.getJob(jobId!))?.failedReason);
    expect((await queue.getJob(jobId!))!.attemptsMade).toBe(1);
    expect(logs.join("\n")).not.toContain("ghp_definitely-not-valid-secret");
    expect(JSON.stringify(await runsOf(tenantId, integration.id))).not.toContain("ghp_definitely-not-valid-secret");
  });

  it("retries a 5xx with backoff and records the error on the run", async () => {
    const tenantId = await newTenant("sync");
    const integration = await connect(tenantId, "tiny");
    github.control.failNext({ path: "/graphql", method: "POST", kind: "status", status: 502 });
    worker();
    await queue.add("integration.sync", { tenantId, integrationId: integration.id, trigger: "manual" }, { attempts: 3, backoff: { type: "exponential", delay: 200, jitter: 0.5 } });
    const run = await finishedRun(tenantId, integration.id);
    expect(run.status).toBe("succeeded");
    expect(JSON.stringify(run.errors)).toMatch(/502/);
  });

  it("holds a sync that would empty the catalog (upstream outage returning empty lists): nothing deleted", async () => {
    const tenantId = await newTenant("sync");
    github.control.reseed({ org: "outage", repos: 20, teams: 3, people: 6, seed: 7 });
    const integration = await connect(tenantId, "outage");
    worker();
    await requestSync(tenantId, integration.id, "manual");
    await finishedRun(tenantId, integration.id);
    const before = (await entitiesOf(tenantId, integration.id)).length;
    expect(before).toBeGreaterThan(20);

    // The upstream now answers with empty lists.
    github.control.reseed({ org: "outage", repos: 0, teams: 0, people: 0, seed: 7 });
    await requestSync(tenantId, integration.id, "manual");
    const held = (await waitFor(async () => {
      const list = await runsOf(tenantId, integration.id);
      return list.filter((run) => run.finishedAt).length === 2 ? list : undefined;
    }))[0]!;
    expect(held.status).toBe("held");
    expect(held.deleted).toBe(0);
    expect(held.message).toMatch(/would delete/);
    expect((await entitiesOf(tenantId, integration.id)).length).toBe(before);
  });

  it("survives a worker SIGKILLed mid-run: the next worker resumes from the checkpoint, losing and duplicating nothing", async () => {
    const tenantId = await newTenant("sync");
    const integration = await connect(tenantId, "huge", { pageSize: 10 }); // 40 + 1 + 1 pages
    github.control.setFaults({ latencyMs: 40 });
    const child: ChildProcess = fork(fileURLToPath(new URL("../testing/sync-child.ts", import.meta.url)), [], { execArgv: ["--import", "tsx"], stdio: "ignore" });
    try {
      await new Promise<void>((resolve, reject) => {
        child.once("message", () => resolve());
        child.once("exit", (code) => reject(new Error(`child exited ${code}`)));
      });
      await requestSync(tenantId, integration.id, "manual");
      await waitFor(async () => ((await runsOf(tenantId, integration.id))[0]?.requests ?? 0) >= 8);
    } finally {
      child.kill("SIGKILL");
    }
    await new Promise((resolve) => child.once("exit", resolve));
    const interrupted = (await runsOf(tenantId, integration.id))[0]!;
    expect(interrupted.finishedAt).toBeNull();
    expect(interrupted.requests).toBeLessThan(42);

    github.control.setFaults({ latencyMs: 0 });
    worker({ sync: { pagesPerSlice: 1000, lockMs: 1_500 }, worker: { stalledInterval: 1_000, lockDuration: 1_500 } });
    const run = await finishedRun(tenantId, integration.id, 1, 60_000);
    expect(run.id).toBe(interrupted.id);
    expect(run.status).toBe("succeeded");
    const entities = await entitiesOf(tenantId, integration.id);
    expect(run.created).toBe(entities.length);
    expect(new Set(entities.map((entity) => entity.ref)).size).toBe(entities.length);
    expect(entities.filter((entity) => entity.ref.startsWith("user:"))).toHaveLength(10);
    // Every page is fetched once, plus at most the one page in flight when the worker died
    // (40 + 1 + 1 GraphQL pages, then 5 + 2 + 2 REST pages recording ETags).
    const targets = followUps("huge", 10);
    expect(run.requests).toBeGreaterThanOrEqual(42 + targets + 9);
    expect(run.requests).toBeLessThanOrEqual(43 + targets + 1 + 9);
    expect(run.progress).toMatchObject({ repos: { done: 400 } });
  }, 90_000);
});
