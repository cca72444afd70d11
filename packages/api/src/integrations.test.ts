import { randomBytes } from "node:crypto";

import { closeIntegrationQueue, isScheduled } from "@greenroom/connectors";
import { startSyncWorker, waitFor } from "@greenroom/connectors/testing";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, type GithubSimulator } from "@greenroom/simulators/github";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addMember, callerFor, createOrgWithOwner, type OrgFixture } from "./testing/fixtures";

// The integrations procedures end to end: tRPC → Postgres → BullMQ → worker → GitHub simulator.
// Own Redis prefix: no other test's worker takes these jobs.
process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "gr-test"}-intapi-${randomBytes(3).toString("hex")}`;

const TOKEN_MARK = "ghp_never-leak-this-token";
let github: GithubSimulator;
let worker: Worker;
let org: OrgFixture;
const logs: string[] = [];
const original = { log: console.log, error: console.error, warn: console.warn, info: console.info, debug: console.debug };

beforeAll(async () => {
  for (const level of ["log", "error", "warn", "info", "debug"] as const) console[level] = (...args: unknown[]) => void logs.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg) ?? String(arg))).join(" "));
  github = await createGithubSimulator({ seed: { org: "acme", repos: 12, teams: 3, people: 6, seed: 11 }, tokens: [DEFAULT_GITHUB_TOKEN, TOKEN_MARK] });
  worker = startSyncWorker({});
  worker.on("error", () => undefined);
  org = await createOrgWithOwner("integrations");
});

afterAll(async () => {
  Object.assign(console, original);
  await worker.close(true);
  await closeIntegrationQueue();
  await github.close();
});

describe("integrations procedures", () => {
  it("tests the connection with a clear verdict", async () => {
    const owner = callerFor(org.owner);
    const good = await owner.integrations.testConnection({ orgSlug: org.slug, baseUrl: github.url, githubOrg: "acme", token: TOKEN_MARK });
    expect(good).toMatchObject({ ok: true });
    expect(good.ok && good.summary).toMatch(/Connected to acme: 12 repositories, 3 teams, 6 members/);
    const bad = await owner.integrations.testConnection({ orgSlug: org.slug, baseUrl: github.url, githubOrg: "acme", token: "ghp_wrong" });
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.problem).toMatch(/rejected the token \(401 Bad credentials\)/);
    const noOrg = await owner.integrations.testConnection({ orgSlug: org.slug, baseUrl: github.url, githubOrg: "nope", token: TOKEN_MARK });
    expect(!noOrg.ok && noOrg.problem).toMatch(/does not exist|no organization/);
  });

  it("connects, schedules, runs the first sync with progress, and never returns the token", async () => {
    const owner = callerFor(org.owner);
    const outputs: unknown[] = [];
    const connected = await owner.integrations.connectGithub({ orgSlug: org.slug, name: "GitHub acme", baseUrl: github.url, githubOrg: "acme", token: TOKEN_MARK, intervalMinutes: 30 });
    outputs.push(connected);
    expect(await isScheduled(org.orgId, connected.id)).toBe(true);
    const detail = await waitFor(async () => {
      const answer = await owner.integrations.get({ orgSlug: org.slug, integrationId: connected.id });
      outputs.push(answer);
      return answer.runs[0]?.finishedAt ? answer : undefined;
    });
    // 3 GraphQL pages (one more for the targets of Locations in catalog files, if any), then 6
    // REST pages recording the ETags the next run asks with.
    const locations = [...github.state.org("acme")!.repos.values()].some((repo) => /^kind: Location$/m.test(repo.files.get("catalog-info.yaml")?.content ?? "")) ? 1 : 0;
    expect(detail.runs[0]).toMatchObject({ trigger: "setup", status: "succeeded", requests: 3 + locations + 6 });
    expect(detail.runs[0]!.created).toBeGreaterThan(12 + 3 + 6 - 1);
    expect(detail.runs[0]!.progress).toMatchObject({ repos: { done: 12, total: 12 } });
    expect(detail.integration).toMatchObject({ status: "ACTIVE", lastSyncStatus: "succeeded" });
    outputs.push(await owner.integrations.run({ orgSlug: org.slug, integrationId: connected.id, runId: detail.runs[0]!.id }));
    outputs.push(await owner.integrations.list({ orgSlug: org.slug }));
    outputs.push(await owner.integrations.update({ orgSlug: org.slug, integrationId: connected.id, intervalMinutes: 15 }));
    outputs.push(await owner.integrations.setPaused({ orgSlug: org.slug, integrationId: connected.id, paused: true }));
    expect(await isScheduled(org.orgId, connected.id)).toBe(false);
    outputs.push(await owner.integrations.setPaused({ orgSlug: org.slug, integrationId: connected.id, paused: false }));
    expect(await isScheduled(org.orgId, connected.id)).toBe(true);
    outputs.push(await owner.integrations.testConnection({ orgSlug: org.slug, integrationId: connected.id }));
    outputs.push(await owner.integrations.syncNow({ orgSlug: org.slug, integrationId: connected.id }));
    await waitFor(async () => (await owner.integrations.get({ orgSlug: org.slug, integrationId: connected.id })).runs.filter((run) => run.finishedAt).length === 2);

    const entities = await owner.catalog.list({ orgSlug: org.slug }).catch(() => null);
    if (entities) outputs.push(entities);
    const disconnected = await owner.integrations.disconnect({ orgSlug: org.slug, integrationId: connected.id, keepEntities: false });
    expect(disconnected.deleted).toBeGreaterThan(20);
    expect(await isScheduled(org.orgId, connected.id)).toBe(false);

    const audit = await owner.audit.list({ orgSlug: org.slug });
    outputs.push(audit);
    expect(audit.events.map((event) => event.action)).toEqual(expect.arrayContaining(["integration.connected", "integration.updated", "integration.paused", "integration.resumed", "integration.disconnected"]));

    // The token appears in no answer (the audit log included) and in no log line.
    expect(JSON.stringify(outputs)).not.toContain(TOKEN_MARK);
    expect(JSON.stringify(outputs)).not.toContain("never-leak");
    expect(logs.join("\n")).not.toContain("never-leak");
  });

  it("is for admins only", async () => {
    const member = await addMember(org, "MEMBER", "int-member");
    await expect(callerFor(member).integrations.list({ orgSlug: org.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
