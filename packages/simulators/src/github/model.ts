import { createHash } from "node:crypto";

// The simulator's data model: plain records that the seed produces and the state indexes. REST,
// GraphQL and webhook payloads are all rendered from these, so one mutation shows everywhere.

export type Visibility = "public" | "private" | "internal";
export type RepoPermission = "pull" | "triage" | "push" | "maintain" | "admin";
export type TeamRole = "member" | "maintainer";

export type GithubUser = {
  id: number;
  login: string;
  name: string | null;
  /** The public profile email; null when the person keeps it private (GraphQL then returns ""). */
  email: string | null;
  company: string | null;
  location: string | null;
  bio: string | null;
  createdAt: string;
  updatedAt: string;
};

export type RepoFile = { path: string; content: string; sha: string; size: number };

export type GithubRepo = {
  id: number;
  name: string;
  description: string | null;
  homepage: string | null;
  topics: string[];
  /** Primary language (the largest entry of `languages`). */
  language: string | null;
  languages: Record<string, number>;
  visibility: Visibility;
  archived: boolean;
  isTemplate: boolean;
  defaultBranch: string;
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
  stars: number;
  forks: number;
  openIssues: number;
  license: { key: string; name: string; spdxId: string } | null;
  headSha: string;
  headMessage: string;
  files: Map<string, RepoFile>;
};

export type GithubTeam = {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  privacy: "closed" | "secret";
  parentSlug: string | null;
  createdAt: string;
  updatedAt: string;
  /** Direct members only; REST and GraphQL (membership: ALL) add child-team members themselves. */
  members: Map<string, TeamRole>;
  /** Repository name → the team's permission on it. */
  repos: Map<string, RepoPermission>;
};

export type GithubOrg = {
  id: number;
  login: string;
  name: string;
  description: string | null;
  createdAt: string;
  /** Login → org role. */
  members: Map<string, "admin" | "member">;
  repos: Map<string, GithubRepo>;
  teams: Map<string, GithubTeam>;
};

export type GithubInstallation = {
  id: number;
  orgLogin: string;
  repositorySelection: "all" | "selected";
  /** Only read when repositorySelection is "selected". */
  repositoryIds: Set<number>;
  permissions: Record<string, "read" | "write" | "admin">;
  events: string[];
  createdAt: string;
  updatedAt: string;
  suspendedAt: string | null;
};

/** A whole organisation as `seedGithubOrg` produces it, ready to load into a simulator. */
export type GithubOrgData = {
  org: GithubOrg;
  users: GithubUser[];
  installation: GithubInstallation | null;
};

export const DEFAULT_INSTALLATION_PERMISSIONS: GithubInstallation["permissions"] = {
  contents: "read",
  metadata: "read",
  members: "read",
  administration: "read",
};
export const DEFAULT_INSTALLATION_EVENTS = ["push", "repository", "membership", "organization", "team"];

export function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** The id git gives a blob, so a file's sha matches what `git hash-object` would print. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export function makeFile(path: string, content: string): RepoFile {
  return { path, content, sha: blobSha(content), size: Buffer.byteLength(content, "utf8") };
}

export function fileMap(files: RepoFile[]): Map<string, RepoFile> {
  return new Map(files.map((file) => [file.path, file]));
}

/** A commit id derived from the repo's content and its parent, so same data → same sha. */
export function commitSha(parent: string, files: Map<string, RepoFile>, message: string, at: string): string {
  const listing = [...files.values()]
    .map((file) => `${file.path}:${file.sha}`)
    .sort()
    .join("\n");
  return sha1(`commit\n${parent}\n${message}\n${at}\n${listing}`);
}

// Global node ids in GitHub's current "<prefix>_kgDO<base64>" style; REST node_id and GraphQL id
// use the same function so a connector can key on either.
const NODE_PREFIX = { repo: "R_kgDO", user: "U_kgDO", org: "O_kgDO", team: "T_kwDO", topic: "TO_kwDO", language: "LA_kwDO", ref: "REF_kwDO", blob: "B_kwDO", tree: "TR_kwDO", commit: "C_kwDO" } as const;
export type NodeKind = keyof typeof NODE_PREFIX;

export function nodeId(kind: NodeKind, id: number | string): string {
  return `${NODE_PREFIX[kind]}${Buffer.from(String(id)).toString("base64url")}`;
}

export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export function fullName(org: GithubOrg, repo: GithubRepo): string {
  return `${org.login}/${repo.name}`;
}
