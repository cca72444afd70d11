import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { GithubOrgData } from "./model";
import { describeSeed, seedGithubOrg } from "./seed";

// Seeding: same options → the same org byte for byte; realistic structure (catalog files at
// ~30%, Location targets that exist, owners and CODEOWNERS naming real teams, nested teams);
// and fast enough to build a 10,000-repo org on every test or benchmark run.

function fingerprint(data: GithubOrgData): string {
  const replacer = (_key: string, value: unknown) => (value instanceof Map ? [...value] : value instanceof Set ? [...value] : value);
  return createHash("sha256").update(JSON.stringify(data, replacer)).digest("hex");
}

const TEAM_REF = /^(?:group:(?:default\/)?)?([a-z0-9-]+)$/;

describe("seedGithubOrg", () => {
  it("is deterministic: same seed, same data; another seed, other data", () => {
    expect(fingerprint(seedGithubOrg({ repos: 300, seed: 7 }))).toBe(fingerprint(seedGithubOrg({ repos: 300, seed: 7 })));
    expect(fingerprint(seedGithubOrg({ repos: 300, seed: 7 }))).not.toBe(fingerprint(seedGithubOrg({ repos: 300, seed: 8 })));
  });

  // Its speed is measured by `pnpm bench` (github-sync), not asserted here.
  it("builds a 10,000-repo org (500 teams, 3,000 people)", () => {
    const data = seedGithubOrg({ repos: 10_000, teams: 500, people: 3_000, catalogFileRatio: 0.3, seed: 1 });
    const summary = describeSeed(data);
    expect(summary).toMatchObject({ repos: 10_000, teams: 500, people: 3_000 });
    expect(summary.catalogFiles / summary.repos).toBeGreaterThan(0.27);
    expect(summary.catalogFiles / summary.repos).toBeLessThan(0.33);
    expect(new Set([...data.org.repos.values()].map((repo) => repo.id)).size).toBe(10_000);
  });

  it("produces catalog files whose references resolve inside the org", () => {
    const data = seedGithubOrg({ repos: 1_000, seed: 3 });
    const repos = [...data.org.repos.values()];
    const teams = data.org.teams;
    const logins = new Set(data.users.map((user) => user.login));
    let multiDocument = 0;
    let locations = 0;
    for (const repo of repos) {
      const catalog = repo.files.get("catalog-info.yaml")?.content;
      if (!catalog) continue;
      expect(catalog).toMatch(/^apiVersion: backstage\.io\/v1alpha1$/m);
      if (catalog.includes("\n---\n")) multiDocument++;
      for (const target of catalog.matchAll(/^\s+- \.\/(\S+)$/gm)) {
        locations++;
        expect(repo.files.has(target[1]!), `${repo.name} → ${target[1]}`).toBe(true);
      }
      const everything = [...repo.files.values()].filter((file) => file.path.endsWith(".yaml")).map((file) => file.content).join("\n");
      for (const owner of everything.matchAll(/^ {2}owner: (\S+)$/gm)) {
        const ref = owner[1]!;
        if (ref.startsWith("user:")) expect(logins.has(ref.split("/").at(-1)!)).toBe(true);
        else expect(teams.has(TEAM_REF.exec(ref)?.[1] ?? ""), `${repo.name} owner ${ref}`).toBe(true);
      }
      expect(everything).toContain(`github.com/project-slug: ${data.org.login}/${repo.name}`);
    }
    expect(multiDocument).toBeGreaterThan(20);
    expect(locations).toBeGreaterThan(10);
  });

  it("writes CODEOWNERS naming real teams or people, and a team tree with members", () => {
    const data = seedGithubOrg({ repos: 500, teams: 40, people: 200, seed: 4 });
    const teams = data.org.teams;
    const logins = new Set(data.users.map((user) => user.login));
    const codeowners = [...data.org.repos.values()].map((repo) => repo.files.get(".github/CODEOWNERS")?.content).filter((text): text is string => !!text);
    expect(codeowners.length).toBeGreaterThan(150);
    for (const text of codeowners) {
      for (const owner of text.matchAll(/@([\w-]+)(?:\/([\w-]+))?/g)) {
        if (owner[2]) expect(teams.has(owner[2])).toBe(true);
        else expect(logins.has(owner[1]!)).toBe(true);
      }
    }
    const depth = (slug: string): number => (teams.get(slug)!.parentSlug ? 1 + depth(teams.get(slug)!.parentSlug!) : 0);
    const depths = [...teams.keys()].map(depth);
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...depths)).toBeLessThanOrEqual(2);
    expect([...teams.values()].every((team) => team.members.size > 0)).toBe(true);
    expect(new Set(data.users.map((user) => user.login)).size).toBe(200);
    expect([...data.org.members.values()].filter((role) => role === "admin").length).toBeGreaterThan(0);
  });
});
