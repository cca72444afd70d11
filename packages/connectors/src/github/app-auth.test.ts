import { generateKeyPairSync } from "node:crypto";

import { withTenant } from "@greenroom/db";
import { createGithubSimulator, seedGithubOrg } from "@greenroom/simulators/github";
import { describe, expect, it } from "vitest";

import { guardedFetch, networkPolicyFromEnv } from "../framework/network";
import { isScheduled, requestSync } from "../framework/schedule";
import { isolateSyncTestEnv, useGithubSyncHarness } from "../testing/github-sync-harness";
import { connectGithub, finishedRuns, newTenant, refsOf, runsOf, waitFor } from "../testing/github-test-kit";
import { resetGithubAppCaches } from "./client";
import { githubConnector } from "./connector";

// GitHub App installation auth end to end: real Postgres, Redis (BullMQ) and the GitHub
// simulator over HTTP. The connector finds the App's installation on the organization, mints
// installation tokens with @octokit/auth-app, refreshes them when they expire, and follows the
// `installation` / `installation_repositories` webhooks.
isolateSyncTestEnv("app");

const WEBHOOK_SECRET = "app-webhook-secret";
const harness = useGithubSyncHarness(() => createGithubSimulator({ orgs: [seedGithubOrg({ org: "acme", repos: 25, teams: 3, people: 8, seed: 11 })], secondaryLimits: false }), {
  webhookSecret: WEBHOOK_SECRET,
  onClose: resetGithubAppCaches,
});
let tenantId = "";
let integrationId = "";

function appSecrets(privateKey = harness.github.app.privateKey) {
  return { appId: String(harness.github.app.id), privateKey, webhookSecret: WEBHOOK_SECRET };
}

function context(secrets: Record<string, string>) {
  return { config: { baseUrl: harness.github.url, org: "acme", authMethod: "app" }, secrets, fetch: guardedFetch(networkPolicyFromEnv()) };
}

const endpoint = (name: string) => harness.github.control.stats().byEndpoint[name] ?? 0;

describe("GitHub App installation auth", () => {
  it("tests the connection, and names the problem when the App's key is wrong", async () => {
    expect(await githubConnector.testConnection(context(appSecrets()))).toMatchObject({ ok: true, summary: expect.stringMatching(/^Connected to acme as a GitHub App installation: 25 repositories, 3 teams, 8 members/) });
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
    const verdict = await githubConnector.testConnection(context(appSecrets(otherKey)));
    expect(verdict).toMatchObject({ ok: false, problem: expect.stringMatching(/rejected the GitHub App's credentials \(401/) });
    expect(JSON.stringify(verdict)).not.toContain("PRIVATE KEY");
  });

  it("syncs with installation tokens, refreshes an expired one, and follows installation webhooks", async () => {
    tenantId = await newTenant("app");
    integrationId = (await connectGithub(tenantId, { baseUrl: harness.github.url, org: "acme", authMethod: "app", pageSize: 10 }, appSecrets())).id;
    harness.webhookTarget = { tenantId, integrationId };
    resetGithubAppCaches();
    harness.github.control.resetStats();

    await requestSync(tenantId, integrationId, "manual");
    const first = await finishedRuns(tenantId, integrationId);
    expect(first.status).toBe("succeeded");
    const data = harness.github.state.org("acme")!;
    const refs = await refsOf(tenantId, integrationId);
    expect(refs.filter((ref) => ref.startsWith("group:"))).toHaveLength(data.teams.size);
    expect(refs.filter((ref) => ref.startsWith("user:"))).toHaveLength(data.members.size);
    expect(refs.length).toBeGreaterThanOrEqual(25 + data.teams.size + data.members.size);
    // The installation was looked up once and one token minted for every step of the run.
    expect(endpoint("GET /orgs/{org}/installation")).toBe(1);
    expect(endpoint("POST /app/installations/{installation_id}/access_tokens")).toBe(1);

    // An hour later (by GitHub's clock) the token has expired: the next run mints a new one.
    harness.github.control.advanceClock(3_700);
    await harness.github.control.push("acme/" + [...data.repos.keys()][0], { path: "README.md", content: "# changed\n" });
    await requestSync(tenantId, integrationId, "manual");
    const second = await finishedRuns(tenantId, integrationId, 2);
    expect(second.status).toBe("succeeded");
    expect(endpoint("POST /app/installations/{installation_id}/access_tokens")).toBe(2);
    expect(harness.github.control.stats().byStatus["401"] ?? 0).toBeGreaterThanOrEqual(1);

    // A repository taken out of the installation: installation_repositories webhook → full sync without it.
    const removed = [...data.repos.values()].find((repo) => !repo.files.has("catalog-info.yaml"))!;
    const removedRef = `component:default/${removed.name}`.toLowerCase();
    expect(refs).toContain(removedRef);
    const selection = await harness.github.control.removeInstallationRepos([removed.name]);
    expect(selection).toMatchObject({ event: "installation_repositories", status: 202 });
    const third = await finishedRuns(tenantId, integrationId, 3);
    expect(third).toMatchObject({ status: "succeeded", trigger: "webhook", deleted: 1 });
    expect(await refsOf(tenantId, integrationId)).not.toContain(removedRef);

    // Uninstalled: the webhook's sync stops with the reason in words and the schedule is removed.
    const uninstalled = await harness.github.control.uninstallApp();
    expect(uninstalled).toMatchObject({ event: "installation", action: "deleted", status: 202 });
    await waitFor(async () => (await withTenant({ tenantId }, (db) => db.integrations.findById(integrationId)))?.status === "ERROR", 60_000);
    const stopped = await withTenant({ tenantId }, (db) => db.integrations.findById(integrationId));
    expect(stopped!.statusMessage).toMatch(/not installed on the organization "acme"/);
    expect(await isScheduled(tenantId, integrationId)).toBe(false);

    // Installed again (a new installation id): its webhook's sync succeeds and the schedule is back.
    const reinstalled = await harness.github.control.installApp({ repositorySelection: "all" });
    expect(reinstalled.delivery).toMatchObject({ event: "installation", action: "created", status: 202 });
    await waitFor(async () => (await withTenant({ tenantId }, (db) => db.integrations.findById(integrationId)))?.status === "ACTIVE", 60_000);
    const runs = await runsOf(tenantId, integrationId);
    expect(runs[0]).toMatchObject({ status: "succeeded", trigger: "webhook", created: 1 });
    expect(await refsOf(tenantId, integrationId)).toContain(removedRef);
    expect(await isScheduled(tenantId, integrationId)).toBe(true);
    // Nothing secret reached the run records.
    expect(JSON.stringify(runs)).not.toMatch(/PRIVATE KEY|ghs_/);
  }, 120_000);
});
