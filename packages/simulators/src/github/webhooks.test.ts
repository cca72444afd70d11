import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Octokit } from "@octokit/rest";
import { verify } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, signPayload, type GithubSimulator } from "./index";
import { GithubFixtures } from "./testing/fixture-validator";

// Webhooks as the app's /api/webhooks/github will receive them: signed with the secret (checked
// here with Octokit's own verifier), shaped like GitHub's payload schemas, and consistent with
// what the API returns right after (a push changes contents, GraphQL and ETags).

const SECRET = "It's a Secret to Everybody";
const fixtures = new GithubFixtures();
type Received = { headers: IncomingHttpHeaders; raw: string; verified: boolean };
const received: Received[] = [];
let receiver: Server;
let simulator: GithubSimulator;
let octokit: Octokit;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      void verify(SECRET, raw, String(req.headers["x-hub-signature-256"])).then((verified) => {
        received.push({ headers: req.headers, raw, verified });
        res.writeHead(verified ? 200 : 401).end();
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = (receiver.address() as AddressInfo).port;
  simulator = await createGithubSimulator({ seed: { repos: 40, seed: 21 }, webhook: { url: `http://127.0.0.1:${port}/api/webhooks/github`, secret: SECRET } });
  octokit = new Octokit({ baseUrl: simulator.url, auth: DEFAULT_GITHUB_TOKEN });
});
afterAll(async () => {
  await simulator.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  received.length = 0;
});

const catalogRepo = () => [...simulator.state.org("acme")!.repos.values()].find((repo) => repo.files.has("catalog-info.yaml"))!;

function expectPayload(file: string, raw: string): void {
  expect(fixtures.validateWebhook(file, JSON.parse(raw)).errors, `webhooks/${file}`).toEqual([]);
}

describe("webhooks", () => {
  it("signs like GitHub's documented test vector", () => {
    expect(signPayload(SECRET, "Hello, World!")).toBe("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  });

  it("push: updates the file, bumps the head sha, delivers a signed push that changes later reads", async () => {
    const repo = catalogRepo();
    const before = await octokit.rest.repos.getContent({ owner: "acme", repo: repo.name, path: "catalog-info.yaml" });
    const content = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: pushed\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/somebody\n";
    const { commit, delivery } = await simulator.control.push(repo.name, { path: "catalog-info.yaml", content });

    expect(delivery).toMatchObject({ status: 200, ok: true, event: "push" });
    expect(received).toHaveLength(1);
    const hook = received[0]!;
    expect(hook.verified).toBe(true);
    expect(hook.headers["x-github-event"]).toBe("push");
    expect(hook.headers["x-github-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(hook.headers["content-type"]).toBe("application/json");
    expectPayload("push.json", hook.raw);
    const payload = JSON.parse(hook.raw) as { after: string; before: string; ref: string; head_commit: { modified: string[] }; repository: { full_name: string } };
    expect(payload).toMatchObject({ before: commit.before, after: commit.after, ref: `refs/heads/${repo.defaultBranch}` });
    expect(payload.head_commit.modified).toEqual(["catalog-info.yaml"]);
    expect(commit.after).not.toBe(commit.before);

    const after = await octokit.rest.repos.getContent({ owner: "acme", repo: repo.name, path: "catalog-info.yaml", headers: { "if-none-match": before.headers.etag! } });
    expect(after.status).toBe(200);
    expect(Buffer.from((after.data as { content: string }).content, "base64").toString("utf8")).toBe(content);
    const graph = await octokit.graphql<{ repository: { object: { text: string }; defaultBranchRef: { target: { oid: string } } } }>(
      `query($name: String!) { repository(owner: "acme", name: $name) { object(expression: "HEAD:catalog-info.yaml") { ... on Blob { text } } defaultBranchRef { target { oid } } } }`,
      { name: repo.name },
    );
    expect(graph.repository.object.text).toBe(content);
    expect(graph.repository.defaultBranchRef.target.oid).toBe(commit.after);
  });

  it("delivers schema-valid repository, membership and installation events", async () => {
    const control = simulator.control;
    const team = [...simulator.state.org("acme")!.teams.keys()][0]!;
    const name = catalogRepo().name;
    // Thunks, run one after another, so deliveries arrive in order.
    const expectations: [string, () => Promise<unknown>][] = [];
    expectations.push(["repository-created.json", () => control.createRepo({ name: "fresh-service", description: "Brand new", ownerTeam: team })]);
    expectations.push(["repository-archived.json", () => control.archiveRepo("fresh-service")]);
    expectations.push(["repository-unarchived.json", () => control.archiveRepo("fresh-service", false)]);
    expectations.push(["repository-renamed.json", () => control.renameRepo("fresh-service", "fresher-service")]);
    expectations.push(["repository-edited.json", () => control.editRepo("fresher-service", { description: "Edited", topics: ["edited"] })]);
    expectations.push(["repository-publicized.json", () => control.editRepo("fresher-service", { visibility: "public" })]);
    expectations.push(["repository-privatized.json", () => control.editRepo("fresher-service", { visibility: "private" })]);
    expectations.push(["repository-deleted.json", () => control.deleteRepo("fresher-service")]);
    expectations.push(["membership-added.json", () => control.addMember(team, "new-hire", { name: "New Hire", email: "new.hire@acme.example" })]);
    expectations.push(["membership-removed.json", () => control.removeMember(team, "new-hire")]);
    expectations.push(["installation-repositories-removed.json", () => control.removeInstallationRepos([name])]);
    expectations.push(["installation-repositories-added.json", () => control.addInstallationRepos([name])]);
    expectations.push(["installation-deleted.json", () => control.uninstallApp()]);
    expectations.push(["installation-created.json", () => control.installApp()]);
    for (const [, run] of expectations) await run();
    expect(received.map((hook) => hook.verified)).toEqual(expectations.map(() => true));
    expectations.forEach(([file], index) => {
      const hook = received[index]!;
      expectPayload(file, hook.raw);
      expect(hook.headers["x-github-event"]).toBe(fixtures.webhook(file).event);
      expect((JSON.parse(hook.raw) as { action: string }).action).toBe(fixtures.webhook(file).action);
    });
    expect(simulator.state.repo("acme", "fresher-service")).toBeUndefined();
    const renamed = JSON.parse(received[3]!.raw) as { changes: { repository: { name: { from: string } } } };
    expect(renamed.changes.repository.name.from).toBe("fresh-service");
  });

  it("redelivers under the same GUID, and rejects nothing it signs", async () => {
    const delivery = await simulator.control.deliver("ping", { zen: "Keep it logically awesome.", hook_id: 1 });
    const again = await simulator.control.redeliver(delivery.id);
    expect(again.id).toBe(delivery.id);
    expect(received.map((hook) => hook.headers["x-github-delivery"])).toEqual([delivery.id, delivery.id]);
    expect(received.every((hook) => hook.verified)).toBe(true);
  });
});
