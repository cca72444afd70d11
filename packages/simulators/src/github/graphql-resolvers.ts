import { rootTree, treeAt, type GitTree } from "./git-trees";
import { connection, GithubGraphqlError, type ConnectionArgs } from "./graphql-connections";
import { nodeId, type GithubOrg, type GithubRepo, type GithubTeam, type GithubUser, type RepoFile, type RepoPermission } from "./model";
import { LANGUAGE_COLORS } from "./seed-vocabulary";
import { avatarUrl } from "./rest-shapes";
import type { GithubRequest } from "./routing";
import { canSee } from "./routing";
import type { Snapshot } from "./rate-limits";

// Resolvers for the GraphQL subset, written as plain objects whose properties / methods are named
// after GitHub's fields (graphql-js's default resolver calls them). Each object is built lazily
// from the model, so a query only pays for the fields it selects.

export type GraphqlContext = { request: GithubRequest; rateLimit: Snapshot & { cost: number; nodeCount: number } };

type RepoArgs = ConnectionArgs & {
  orderBy?: { field: "CREATED_AT" | "UPDATED_AT" | "PUSHED_AT" | "NAME" | "STARGAZERS"; direction: "ASC" | "DESC" } | null;
  privacy?: "PUBLIC" | "PRIVATE" | null;
  visibility?: "PUBLIC" | "PRIVATE" | "INTERNAL" | null;
  isArchived?: boolean | null;
  isFork?: boolean | null;
};

const PERMISSION: Record<RepoPermission, string> = { admin: "ADMIN", maintain: "MAINTAIN", push: "WRITE", triage: "TRIAGE", pull: "READ" };

function html(context: GraphqlContext): string {
  return context.request.shapes.html;
}

function userNode(context: GraphqlContext, user: GithubUser) {
  return {
    __typename: "User",
    id: nodeId("user", user.id),
    databaseId: user.id,
    login: user.login,
    name: user.name,
    // GitHub's User.email is non-null: "" when the address is not public.
    email: user.email ?? "",
    avatarUrl: ({ size }: { size?: number | null }) => `${avatarUrl(context.request.shapes, user.id)}${size ? `&s=${size}` : ""}`,
    url: `${html(context)}/${user.login}`,
    company: user.company,
    location: user.location,
    bio: user.bio,
    createdAt: user.createdAt,
  };
}

function blobNode(context: GraphqlContext, org: GithubOrg, repo: GithubRepo, file: RepoFile) {
  return {
    __typename: "Blob",
    ...gitObject(context, org, repo, "blob", file.sha),
    text: file.content,
    byteSize: file.size,
    isBinary: false,
    isTruncated: false,
  };
}

function treeNode(context: GraphqlContext, org: GithubOrg, repo: GithubRepo, tree: GitTree): Record<string, unknown> {
  return {
    __typename: "Tree",
    ...gitObject(context, org, repo, "tree", tree.sha),
    entries: () =>
      tree.entries.map((entry) => ({
        name: entry.name,
        path: entry.path,
        type: entry.type,
        mode: entry.type === "tree" ? 0o40000 : 0o100644,
        oid: entry.sha,
        size: entry.size ?? 0,
        extension: entry.type === "blob" && entry.name.includes(".") ? `.${entry.name.split(".").at(-1)}` : null,
        object: () => (entry.type === "tree" ? treeNode(context, org, repo, treeAt(repo, entry.path)!) : blobNode(context, org, repo, repo.files.get(entry.path)!)),
      })),
  };
}

function commitNode(context: GraphqlContext, org: GithubOrg, repo: GithubRepo) {
  return {
    __typename: "Commit",
    ...gitObject(context, org, repo, "commit", repo.headSha),
    committedDate: repo.pushedAt,
    message: repo.headMessage,
    tree: () => treeNode(context, org, repo, rootTree(repo)),
  };
}

function gitObject(context: GraphqlContext, org: GithubOrg, repo: GithubRepo, kind: "blob" | "tree" | "commit", oid: string) {
  const path = `/${org.login}/${repo.name}/commit/${repo.headSha}`;
  return {
    id: nodeId(kind, `${repo.id}:${oid}`),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    commitResourcePath: path,
    commitUrl: `${html(context)}${path}`,
    repository: () => repoNode(context, org, repo),
  };
}

/** Resolves `object(expression: "HEAD:path")`: a Blob, a Tree, the head Commit, or null. */
function objectAt(context: GraphqlContext, org: GithubOrg, repo: GithubRepo, args: { expression?: string | null; oid?: string | null }) {
  if (args.oid) {
    if (args.oid === repo.headSha) return commitNode(context, org, repo);
    const file = [...repo.files.values()].find((candidate) => candidate.sha === args.oid);
    return file ? blobNode(context, org, repo, file) : null;
  }
  const expression = args.expression ?? "";
  const colon = expression.indexOf(":");
  const rev = colon === -1 ? expression : expression.slice(0, colon);
  const headRevs = ["HEAD", repo.defaultBranch, `refs/heads/${repo.defaultBranch}`, repo.headSha];
  if (!headRevs.includes(rev) && !(rev.length >= 7 && repo.headSha.startsWith(rev))) return null;
  if (colon === -1) return commitNode(context, org, repo);
  const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, "");
  const file = repo.files.get(path);
  if (file) return blobNode(context, org, repo, file);
  const tree = treeAt(repo, path);
  return tree ? treeNode(context, org, repo, tree) : null;
}

export function repoNode(context: GraphqlContext, org: GithubOrg, repo: GithubRepo) {
  const full = `${org.login}/${repo.name}`;
  const languages = Object.entries(repo.languages)
    .sort(([, a], [, b]) => b - a)
    .map(([name, bytes], index) => ({ name, bytes, index }));
  const language = (name: string) => ({ id: nodeId("language", name), name, color: LANGUAGE_COLORS[name] ?? null });
  return {
    __typename: "Repository",
    id: nodeId("repo", repo.id),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: full,
    description: repo.description,
    isArchived: repo.archived,
    isPrivate: repo.visibility !== "public",
    isFork: false,
    isDisabled: false,
    isEmpty: repo.files.size === 0,
    isTemplate: repo.isTemplate,
    visibility: repo.visibility.toUpperCase(),
    url: `${html(context)}/${full}`,
    sshUrl: `git@${new URL(html(context)).host}:${full}.git`,
    homepageUrl: repo.homepage,
    createdAt: repo.createdAt,
    updatedAt: repo.updatedAt,
    pushedAt: repo.pushedAt,
    stargazerCount: repo.stars,
    forkCount: repo.forks,
    diskUsage: Math.round(languages.reduce((sum, entry) => sum + entry.bytes, 0) / 1024),
    owner: () => orgNode(context, org),
    defaultBranchRef: () => ({ id: nodeId("ref", `${repo.id}:${repo.defaultBranch}`), name: repo.defaultBranch, prefix: "refs/heads/", target: () => commitNode(context, org, repo) }),
    primaryLanguage: () => (repo.language ? language(repo.language) : null),
    languages: (args: ConnectionArgs) =>
      connection(languages, args, "languages", {
        keyOf: (entry) => [entry.index, entry.index],
        toNode: (entry) => language(entry.name),
        edgeExtras: (entry) => ({ size: entry.bytes }),
        extra: { totalSize: languages.reduce((sum, entry) => sum + entry.bytes, 0) },
      }),
    repositoryTopics: (args: ConnectionArgs) =>
      connection(
        repo.topics.map((name, index) => ({ name, index })),
        args,
        "repositoryTopics",
        {
          keyOf: (topic) => [topic.index, topic.index],
          toNode: (topic) => ({
            id: nodeId("topic", `${repo.id}:${topic.name}`),
            url: `${html(context)}/topics/${topic.name}`,
            resourcePath: `/topics/${topic.name}`,
            topic: { id: nodeId("topic", topic.name), name: topic.name },
          }),
        },
      ),
    object: (args: { expression?: string | null; oid?: string | null }) => objectAt(context, org, repo, args),
  };
}

function listRepos(context: GraphqlContext, org: GithubOrg, args: RepoArgs) {
  const fields = { CREATED_AT: "created", UPDATED_AT: "updated", PUSHED_AT: "pushed", NAME: "full_name", STARGAZERS: "created" } as const;
  const field = args.orderBy?.field ?? "CREATED_AT";
  const descending = args.orderBy?.direction === "DESC";
  let repos = context.request.state.sortedRepos(org, fields[field], descending ? "desc" : "asc");
  if (field === "STARGAZERS") repos = [...repos].sort((a, b) => (descending ? -1 : 1) * (a.stars - b.stars || a.id - b.id));
  const keep = (repo: GithubRepo) =>
    (args.privacy == null || (args.privacy === "PUBLIC") === (repo.visibility === "public")) &&
    (args.visibility == null || args.visibility === repo.visibility.toUpperCase()) &&
    (args.isArchived == null || args.isArchived === repo.archived) &&
    args.isFork !== true &&
    canSee(context.request, org, repo);
  const needsFilter = args.privacy != null || args.visibility != null || args.isArchived != null || args.isFork === true || context.request.principal.kind !== "token";
  if (needsFilter) repos = repos.filter(keep);
  const value = { CREATED_AT: (r: GithubRepo) => r.createdAt, UPDATED_AT: (r: GithubRepo) => r.updatedAt, PUSHED_AT: (r: GithubRepo) => r.pushedAt, NAME: (r: GithubRepo) => r.name, STARGAZERS: (r: GithubRepo) => r.stars }[field];
  return connection(repos, args, "repositories", {
    keyOf: (repo) => [value(repo), repo.id],
    direction: descending ? -1 : 1,
    toNode: (repo) => repoNode(context, org, repo),
    extra: { totalDiskUsage: repos.reduce((sum, repo) => sum + Object.values(repo.languages).reduce((a, b) => a + b, 0), 0) >> 10 },
  });
}

function teamNode(context: GraphqlContext, org: GithubOrg, team: GithubTeam): Record<string, unknown> {
  const state = context.request.state;
  return {
    __typename: "Team",
    id: nodeId("team", team.id),
    databaseId: team.id,
    slug: team.slug,
    combinedSlug: `${org.login}/${team.slug}`,
    name: team.name,
    description: team.description,
    privacy: team.privacy === "secret" ? "SECRET" : "VISIBLE",
    url: `${html(context)}/orgs/${org.login}/teams/${team.slug}`,
    createdAt: team.createdAt,
    updatedAt: team.updatedAt,
    organization: () => orgNode(context, org),
    parentTeam: () => (team.parentSlug && org.teams.get(team.parentSlug) ? teamNode(context, org, org.teams.get(team.parentSlug)!) : null),
    childTeams: (args: ConnectionArgs & { immediateOnly?: boolean | null }) => {
      const children = args.immediateOnly === false ? state.teamAndDescendants(org, team).slice(1) : state.childTeams(org, team.slug);
      return connection(children, args, "childTeams", { keyOf: (child) => [child.id, child.id], toNode: (child) => teamNode(context, org, child) });
    },
    // membership defaults to ALL, as on GitHub: child-team members are included unless IMMEDIATE.
    members: (args: ConnectionArgs & { membership?: "ALL" | "IMMEDIATE" | "CHILD_TEAM" | null; role?: "MEMBER" | "MAINTAINER" | null; query?: string | null }) => {
      const membership = args.membership ?? "ALL";
      let members = state.teamMembers(org, team, membership === "IMMEDIATE");
      if (membership === "CHILD_TEAM") members = members.filter((entry) => !team.members.has(entry.user.login));
      if (args.role) members = members.filter((entry) => entry.role.toUpperCase() === args.role);
      if (args.query) members = members.filter((entry) => `${entry.user.login} ${entry.user.name ?? ""}`.toLowerCase().includes(args.query!.toLowerCase()));
      return connection(members, args, "members", {
        keyOf: (entry) => [entry.user.id, entry.user.id],
        toNode: (entry) => userNode(context, entry.user),
        edgeExtras: (entry) => ({ role: entry.role.toUpperCase(), memberAccessUrl: "", memberAccessResourcePath: "" }),
      });
    },
    // `query` matches names containing it, case-insensitively, as GitHub's repository search does.
    repositories: (args: ConnectionArgs & { query?: string | null }) => {
      const query = args.query?.trim().toLowerCase();
      const repos = [...team.repos]
        .map(([name, permission]) => ({ repo: org.repos.get(name)!, permission }))
        .filter((entry) => entry.repo && canSee(context.request, org, entry.repo) && (!query || entry.repo.name.toLowerCase().includes(query)))
        .sort((a, b) => a.repo.id - b.repo.id);
      return connection(repos, args, "repositories", {
        keyOf: (entry) => [entry.repo.id, entry.repo.id],
        toNode: (entry) => repoNode(context, org, entry.repo),
        edgeExtras: (entry) => ({ permission: PERMISSION[entry.permission] }),
      });
    },
  };
}

export function orgNode(context: GraphqlContext, org: GithubOrg): Record<string, unknown> {
  const state = context.request.state;
  return {
    __typename: "Organization",
    id: nodeId("org", org.id),
    databaseId: org.id,
    login: org.login,
    name: org.name,
    description: org.description,
    email: null,
    url: `${html(context)}/${org.login}`,
    avatarUrl: () => avatarUrl(context.request.shapes, org.id),
    repositories: (args: RepoArgs) => listRepos(context, org, args),
    repository: ({ name }: { name: string }) => {
      const found = state.repo(org.login, name);
      return found && canSee(context.request, org, found.repo) ? repoNode(context, org, found.repo) : null;
    },
    team: ({ slug }: { slug: string }) => (org.teams.get(slug) ? teamNode(context, org, org.teams.get(slug)!) : null),
    teams: (args: ConnectionArgs & { rootTeamsOnly?: boolean | null; query?: string | null; userLogins?: string[] | null }) => {
      let teams = [...org.teams.values()].sort((a, b) => a.id - b.id);
      if (args.rootTeamsOnly) teams = teams.filter((team) => !team.parentSlug);
      if (args.query) teams = teams.filter((team) => `${team.slug} ${team.name}`.toLowerCase().includes(args.query!.toLowerCase()));
      if (args.userLogins?.length) teams = teams.filter((team) => args.userLogins!.some((login) => team.members.has(login)));
      return connection(teams, args, "teams", { keyOf: (team) => [team.id, team.id], toNode: (team) => teamNode(context, org, team) });
    },
    membersWithRole: (args: ConnectionArgs) =>
      connection(state.orgMembers(org), args, "membersWithRole", {
        keyOf: (entry) => [entry.user.id, entry.user.id],
        toNode: (entry) => userNode(context, entry.user),
        edgeExtras: (entry) => ({ role: entry.role.toUpperCase(), hasTwoFactorEnabled: null }),
      }),
  };
}

/** The root value: Query's fields. */
export function queryRoot(context: GraphqlContext) {
  const state = context.request.state;
  return {
    organization: ({ login }: { login: string }) => {
      const org = state.org(login);
      if (!org) throw new GithubGraphqlError(`Could not resolve to an Organization with the login of '${login}'.`, "NOT_FOUND");
      return orgNode(context, org);
    },
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const found = state.repo(owner, name);
      if (!found || !canSee(context.request, found.org, found.repo)) {
        throw new GithubGraphqlError(`Could not resolve to a Repository with the name '${owner}/${name}'.`, "NOT_FOUND");
      }
      return repoNode(context, found.org, found.repo);
    },
    user: ({ login }: { login: string }) => {
      const user = state.user(login);
      if (!user) throw new GithubGraphqlError(`Could not resolve to a User with the login of '${login}'.`, "NOT_FOUND");
      return userNode(context, user);
    },
    rateLimit: () => ({ ...context.rateLimit, resetAt: new Date(context.rateLimit.reset * 1000).toISOString().replace(".000Z", "Z") }),
  };
}
