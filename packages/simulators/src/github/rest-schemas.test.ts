import { Octokit } from "@octokit/rest";
import { createAppAuth } from "@octokit/auth-app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, type GithubSimulator } from "./index";
import { GithubFixtures } from "./testing/fixture-validator";

// Every REST endpoint the simulator serves, called through Octokit over real HTTP, and every
// response checked against GitHub's official response schema from the fixtures. A field that
// drifts from the documented shape fails here.

const fixtures = new GithubFixtures();
let simulator: GithubSimulator;
let octokit: Octokit;

function expectValid(file: string, body: unknown): void {
  const result = fixtures.validateResponse(file, body);
  expect(result.errors, `${file} response drifted from the schema`).toEqual([]);
}

function expectError(file: string, status: number, body: unknown): void {
  const result = fixtures.validateErrorResponse(file, status, body);
  expect(result.errors, `${file} ${status} body drifted from the schema`).toEqual([]);
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; body: unknown; headers: Record<string, string | undefined> }> {
  try {
    await promise;
  } catch (error) {
    const failed = error as { status: number; response?: { data: unknown; headers: Record<string, string | undefined> } };
    return { status: failed.status, body: failed.response?.data, headers: failed.response?.headers ?? {} };
  }
  throw new Error("expected the request to fail");
}

beforeAll(async () => {
  simulator = await createGithubSimulator({ seed: { org: "acme", repos: 60, seed: 11 } });
  octokit = new Octokit({ baseUrl: simulator.url, auth: DEFAULT_GITHUB_TOKEN });
});
afterAll(() => simulator.close());

const org = () => simulator.state.org("acme")!;
const catalogRepo = () => [...org().repos.values()].find((repo) => repo.files.has("catalog-info.yaml") && repo.files.has(".github/CODEOWNERS"))!;

describe("REST responses match GitHub's schemas", () => {
  it("GET /orgs/{org}/repos", async () => {
    const { data, headers } = await octokit.rest.repos.listForOrg({ org: "acme", per_page: 25, sort: "pushed" });
    expect(data).toHaveLength(25);
    expectValid("repos-list-for-org.json", data);
    expect(headers.link).toMatch(/rel="next".*rel="last"/);
  });

  it("GET /repos/{owner}/{repo}, topics, languages", async () => {
    const repo = catalogRepo();
    expectValid("repos-get.json", (await octokit.rest.repos.get({ owner: "acme", repo: repo.name })).data);
    expectValid("repos-get-all-topics.json", (await octokit.rest.repos.getAllTopics({ owner: "acme", repo: repo.name })).data);
    const languages = (await octokit.rest.repos.listLanguages({ owner: "acme", repo: repo.name })).data;
    expectValid("repos-list-languages.json", languages);
    expect(Object.keys(languages)[0]).toBe(repo.language);
    const missing = await failure(octokit.rest.repos.get({ owner: "acme", repo: "no-such-repo" }));
    expect(missing.status).toBe(404);
    expectError("repos-get.json", 404, missing.body);
  });

  it("GET /repos/{owner}/{repo}/contents/{path}: file (base64), directory, raw, 404", async () => {
    const repo = catalogRepo();
    const file = (await octokit.rest.repos.getContent({ owner: "acme", repo: repo.name, path: "catalog-info.yaml" })).data as { content: string; encoding: string; sha: string };
    expectValid("repos-get-content.json", file);
    expect(file.encoding).toBe("base64");
    expect(Buffer.from(file.content, "base64").toString("utf8")).toBe(repo.files.get("catalog-info.yaml")!.content);
    expect(file.sha).toBe(repo.files.get("catalog-info.yaml")!.sha);

    const codeowners = (await octokit.rest.repos.getContent({ owner: "acme", repo: repo.name, path: ".github/CODEOWNERS" })).data as { content: string };
    expect(Buffer.from(codeowners.content, "base64").toString("utf8")).toMatch(/^\*\s+@/m);

    const root = (await octokit.rest.repos.getContent({ owner: "acme", repo: repo.name, path: "" })).data;
    expectValid("repos-get-content.json", root);
    expect(Array.isArray(root) && root.map((entry) => entry.name)).toContain(".github");

    const raw = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "acme", repo: repo.name, path: "catalog-info.yaml", mediaType: { format: "raw" } });
    expect(raw.data).toBe(repo.files.get("catalog-info.yaml")!.content);

    const absent = await failure(octokit.rest.repos.getContent({ owner: "acme", repo: repo.name, path: "nope/catalog-info.yaml" }));
    expect(absent.status).toBe(404);
    expectError("repos-get-content.json", 404, absent.body);
  });

  it("GET /repos/{owner}/{repo}/git/trees/{sha}?recursive=1", async () => {
    const repo = catalogRepo();
    const { data } = await octokit.rest.git.getTree({ owner: "acme", repo: repo.name, tree_sha: repo.defaultBranch, recursive: "1" });
    expectValid("git-get-tree.json", data);
    const blobs = data.tree.filter((entry) => entry.type === "blob").map((entry) => entry.path);
    expect(blobs.sort()).toEqual([...repo.files.keys()].sort());
    const github = data.tree.find((entry) => entry.path === ".github")!;
    const subtree = (await octokit.rest.git.getTree({ owner: "acme", repo: repo.name, tree_sha: github.sha! })).data;
    expect(subtree.tree.map((entry) => entry.path)).toEqual(["CODEOWNERS"]);
    const unknown = await failure(octokit.rest.git.getTree({ owner: "acme", repo: repo.name, tree_sha: "0".repeat(40) }));
    expectError("git-get-tree.json", 404, unknown.body);
  });

  it("teams, team members (with child teams), team repos, org members, users", async () => {
    const teams = await octokit.paginate(octokit.rest.teams.list, { org: "acme", per_page: 100 });
    expectValid("teams-list.json", teams);
    expect(teams.length).toBe(org().teams.size);
    expect(teams.some((team) => team.parent !== null)).toBe(true);

    const parent = [...org().teams.values()].find((team) => [...org().teams.values()].some((child) => child.parentSlug === team.slug))!;
    const members = (await octokit.rest.teams.listMembersInOrg({ org: "acme", team_slug: parent.slug, per_page: 100 })).data;
    expectValid("teams-list-members-in-org.json", members);
    const expected = simulator.state.teamMembers(org(), parent, false).map((entry) => entry.user.login);
    expect(members.map((member) => member.login)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(parent.members.size);

    const repos = (await octokit.rest.teams.listReposInOrg({ org: "acme", team_slug: parent.slug, per_page: 100 })).data;
    expectValid("teams-list-repos-in-org.json", repos);

    const people = await octokit.paginate(octokit.rest.orgs.listMembers, { org: "acme", per_page: 100 });
    expectValid("orgs-list-members.json", people);
    expect(people.length).toBe(org().members.size);

    const user = (await octokit.rest.users.getByUsername({ username: people[0]!.login })).data;
    expectValid("users-get-by-username.json", user);
    const nobody = await failure(octokit.rest.users.getByUsername({ username: "no-such-person-here" }));
    expectError("users-get-by-username.json", 404, nobody.body);
  });

  it("GET /rate_limit is free and reports every resource", async () => {
    const first = (await octokit.rest.rateLimit.get()).data;
    const second = (await octokit.rest.rateLimit.get()).data;
    expectValid("rate-limit-get.json", second);
    expect(second.resources.core.used).toBe(first.resources.core.used);
    expect(second.resources.graphql?.limit).toBe(5000);
  });

  it("GitHub App: installations, installation token, installation repositories", async () => {
    const app = new Octokit({ baseUrl: simulator.url, authStrategy: createAppAuth, auth: { appId: simulator.app.id, privateKey: simulator.app.privateKey } });
    const installations = (await app.rest.apps.listInstallations()).data;
    expectValid("apps-list-installations.json", installations);
    const installationId = installations[0]!.id;

    const token = await app.request("POST /app/installations/{installation_id}/access_tokens", { installation_id: installationId, repositories: [catalogRepo().name] });
    expect(token.status).toBe(201);
    expectValid("apps-create-installation-access-token.json", token.data);
    const narrowed = new Octokit({ baseUrl: simulator.url, auth: token.data.token });
    const onlyOne = (await narrowed.rest.apps.listReposAccessibleToInstallation()).data;
    expectValid("apps-list-repos-accessible-to-installation.json", onlyOne);
    expect(onlyOne.repositories.map((repo) => repo.name)).toEqual([catalogRepo().name]);
    const elsewhere = [...org().repos.values()].find((repo) => repo.name !== catalogRepo().name)!;
    expect((await failure(narrowed.rest.repos.get({ owner: "acme", repo: elsewhere.name }))).status).toBe(404);

    const installed = new Octokit({ baseUrl: simulator.url, authStrategy: createAppAuth, auth: { appId: simulator.app.id, privateKey: simulator.app.privateKey, installationId } });
    const all = await installed.paginate(installed.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    expect(all).toHaveLength(60);
    expect((await installed.rest.repos.get({ owner: "acme", repo: catalogRepo().name })).status).toBe(200);

    const wrong = await failure(octokit.rest.apps.listInstallations());
    expect(wrong.status).toBe(401);
    const notInstallation = await failure(octokit.rest.apps.listReposAccessibleToInstallation());
    expect(notInstallation.status).toBe(403);
    expectError("apps-list-repos-accessible-to-installation.json", 403, notInstallation.body);
  });

  it("answers bad credentials with GitHub's 401 body", async () => {
    const stranger = new Octokit({ baseUrl: simulator.url, auth: "ghp_not_a_real_token" });
    const denied = await failure(stranger.rest.repos.listForOrg({ org: "acme" }));
    expect(denied.status).toBe(401);
    expect(denied.body).toEqual({ message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" });
    expectError("apps-list-repos-accessible-to-installation.json", 401, denied.body);
  });
});
