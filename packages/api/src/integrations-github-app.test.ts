import { randomBytes } from "node:crypto";

import { closeIntegrationQueue } from "@greenroom/connectors";
import { startSyncWorker, waitFor } from "@greenroom/connectors/testing";
import { createGithubSimulator, type GithubSimulator } from "@greenroom/simulators/github";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, createOrgWithOwner, type OrgFixture } from "./testing/fixtures";

// Connecting GitHub as a GitHub App through the procedures the setup form calls: tRPC →
// Postgres → BullMQ → worker → GitHub simulator. The private key never comes back.
process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "gr-test"}-ghapp-${randomBytes(3).toString("hex")}`;

let github: GithubSimulator;
let worker: Worker;
let org: OrgFixture;

beforeAll(async () => {
  github = await createGithubSimulator({ seed: { org: "acme", repos: 8, teams: 2, people: 4, seed: 23 } });
  worker = startSyncWorker({});
  worker.on("error", () => undefined);
  org = await createOrgWithOwner("github-app");
});

afterAll(async () => {
  await worker.close(true);
  await closeIntegrationQueue();
  await github.close();
});

describe("connecting a GitHub App", () => {
  it("says which App field is missing, tests the connection, connects and syncs; the key is never returned", async () => {
    const owner = callerFor(org.owner);
    const app = { authMethod: "app" as const, appId: String(github.app.id), privateKey: github.app.privateKey };

    await expect(owner.integrations.connectGithub({ orgSlug: org.slug, name: "GitHub App", baseUrl: github.url, githubOrg: "acme", authMethod: "app", appId: app.appId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/private key/),
    });
    expect(await owner.integrations.testConnection({ orgSlug: org.slug, baseUrl: github.url, githubOrg: "acme", authMethod: "app", appId: app.appId })).toMatchObject({ ok: false, problem: expect.stringMatching(/private key/) });

    const verdict = await owner.integrations.testConnection({ orgSlug: org.slug, baseUrl: github.url, githubOrg: "acme", ...app });
    expect(verdict).toMatchObject({ ok: true, summary: expect.stringMatching(/^Connected to acme as a GitHub App installation: 8 repositories/) });

    const connected = await owner.integrations.connectGithub({ orgSlug: org.slug, name: "GitHub App", baseUrl: github.url, githubOrg: "acme", ...app });
    expect(connected.config).toMatchObject({ authMethod: "app", org: "acme" });
    const detail = await waitFor(async () => {
      const answer = await owner.integrations.get({ orgSlug: org.slug, integrationId: connected.id });
      return answer.runs[0]?.finishedAt ? answer : undefined;
    });
    expect(detail.runs[0]).toMatchObject({ trigger: "setup", status: "succeeded" });
    expect(detail.runs[0]!.created).toBeGreaterThanOrEqual(8 + 2 + 4);

    // Switching to a token drops the App's credentials; the stored test then uses the token.
    const switched = await owner.integrations.update({ orgSlug: org.slug, integrationId: connected.id, authMethod: "token", token: github.tokens[0]! });
    expect(switched.config).toMatchObject({ authMethod: "token" });
    expect(await owner.integrations.testConnection({ orgSlug: org.slug, integrationId: connected.id })).toMatchObject({ ok: true, summary: expect.stringMatching(/^Connected to acme: /) });
    await expect(owner.integrations.update({ orgSlug: org.slug, integrationId: connected.id, authMethod: "app", appId: app.appId })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const answers = JSON.stringify([connected, detail, switched, await owner.integrations.list({ orgSlug: org.slug }), await owner.audit.list({ orgSlug: org.slug })]);
    expect(answers).not.toContain("PRIVATE KEY");
    expect(answers).not.toContain(github.tokens[0]!);
  });
});
