import { nodeId, type GithubInstallation, type GithubOrg, type GithubRepo, type GithubTeam, type GithubUser } from "./model";
import { fullRepository, installation as installationShape, simpleUser, userAccount, type ShapeContext } from "./rest-shapes";
import type { CommitResult } from "./state";

// Webhook payloads for the events the connector subscribes to (push, repository, membership,
// installation, installation_repositories), shaped to the payload schemas in
// fixtures/github/webhooks. Rendered from the same model as REST, so payloads and API agree.

export type PayloadContext = { shapes: ShapeContext; app: { id: number; slug: string }; installation: GithubInstallation | undefined };

function orgShape(ctx: ShapeContext, org: GithubOrg) {
  const api = `${ctx.api}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId("org", org.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${ctx.avatars}/u/${org.id}?v=4`,
    description: org.description,
  };
}

/** The fields every org-level event carries: organization, sender, and installation for app hooks. */
function envelope(ctx: PayloadContext, org: GithubOrg, sender: GithubUser) {
  return {
    organization: orgShape(ctx.shapes, org),
    sender: simpleUser(ctx.shapes, userAccount(sender)),
    ...(ctx.installation ? { installation: { id: ctx.installation.id, node_id: nodeId("org", `installation:${ctx.installation.id}`) } } : {}),
  };
}

/** The repository object of repository/membership/installation events (full shape, no extras). */
export function hookRepository(ctx: ShapeContext, org: GithubOrg, repo: GithubRepo) {
  const { organization: _organization, network_count: _network, subscribers_count: _subscribers, security_and_analysis: _security, ...rest } = fullRepository(ctx, org, repo);
  return rest;
}

function toEpoch(timestamp: string): number {
  return Math.floor(Date.parse(timestamp) / 1000);
}

/** push events describe the repository with epoch-second dates and the owner as a "User". */
function pushRepository(ctx: ShapeContext, org: GithubOrg, repo: GithubRepo) {
  const base = hookRepository(ctx, org, repo);
  return {
    ...base,
    owner: { ...base.owner, name: org.login, email: null },
    created_at: toEpoch(repo.createdAt),
    pushed_at: toEpoch(repo.pushedAt),
    organization: org.login,
    stargazers: repo.stars,
    master_branch: repo.defaultBranch,
  };
}

export function pushPayload(ctx: PayloadContext, org: GithubOrg, repo: GithubRepo, commit: CommitResult, message: string, author: GithubUser) {
  const full = `${org.login}/${repo.name}`;
  const person = { name: author.name ?? author.login, email: author.email ?? `${author.login}@users.noreply.github.com`, username: author.login, date: commit.timestamp.replace("Z", "+00:00") };
  const headCommit = {
    id: commit.after,
    tree_id: commit.after.split("").reverse().join(""),
    distinct: true,
    message,
    timestamp: commit.timestamp.replace("Z", "+00:00"),
    url: `${ctx.shapes.html}/${full}/commit/${commit.after}`,
    author: person,
    committer: person,
    added: commit.added,
    removed: commit.removed,
    modified: commit.modified,
  };
  return {
    ref: `refs/heads/${repo.defaultBranch}`,
    before: commit.before,
    after: commit.after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${ctx.shapes.html}/${full}/compare/${commit.before.slice(0, 12)}...${commit.after.slice(0, 12)}`,
    commits: [headCommit],
    head_commit: headCommit,
    repository: pushRepository(ctx.shapes, org, repo),
    pusher: { name: author.login, email: person.email },
    ...envelope(ctx, org, author),
  };
}

export type RepositoryAction = "created" | "deleted" | "archived" | "unarchived" | "renamed" | "edited" | "publicized" | "privatized";

export function repositoryPayload(ctx: PayloadContext, org: GithubOrg, repo: GithubRepo, action: RepositoryAction, sender: GithubUser, changes?: Record<string, unknown>) {
  return { action, ...(changes ? { changes } : {}), repository: hookRepository(ctx.shapes, org, repo), ...envelope(ctx, org, sender) };
}

function hookTeam(ctx: ShapeContext, org: GithubOrg, team: GithubTeam) {
  const url = `${ctx.api}/organizations/${org.id}/team/${team.id}`;
  const parent = team.parentSlug ? org.teams.get(team.parentSlug) : undefined;
  return {
    name: team.name,
    id: team.id,
    node_id: nodeId("team", team.id),
    slug: team.slug,
    description: team.description,
    privacy: team.privacy,
    notification_setting: "notifications_enabled",
    url,
    html_url: `${ctx.html}/orgs/${org.login}/teams/${team.slug}`,
    members_url: `${url}/members{/member}`,
    repositories_url: `${url}/repos`,
    permission: "pull",
    parent: parent
      ? {
          name: parent.name,
          id: parent.id,
          node_id: nodeId("team", parent.id),
          slug: parent.slug,
          description: parent.description,
          privacy: parent.privacy,
          notification_setting: "notifications_enabled",
          url: `${ctx.api}/organizations/${org.id}/team/${parent.id}`,
          html_url: `${ctx.html}/orgs/${org.login}/teams/${parent.slug}`,
          members_url: `${ctx.api}/organizations/${org.id}/team/${parent.id}/members{/member}`,
          repositories_url: `${ctx.api}/organizations/${org.id}/team/${parent.id}/repos`,
          permission: "pull",
          type: "organization",
        }
      : null,
    type: "organization",
  };
}

export function membershipPayload(ctx: PayloadContext, org: GithubOrg, team: GithubTeam, member: GithubUser, action: "added" | "removed", sender: GithubUser) {
  return {
    action,
    scope: "team",
    member: { ...simpleUser(ctx.shapes, userAccount(member)), name: member.name, email: member.email },
    team: hookTeam(ctx.shapes, org, team),
    ...envelope(ctx, org, sender),
  };
}

function repoRef(repo: GithubRepo, org: GithubOrg) {
  return { id: repo.id, node_id: nodeId("repo", repo.id), name: repo.name, full_name: `${org.login}/${repo.name}`, private: repo.visibility !== "public" };
}

export function installationPayload(ctx: PayloadContext, org: GithubOrg, value: GithubInstallation, action: "created" | "deleted", sender: GithubUser, repos: GithubRepo[]) {
  return {
    action,
    installation: installationShape(ctx.shapes, value, org, ctx.app),
    repositories: repos.map((repo) => repoRef(repo, org)),
    ...(action === "created" ? { requester: null } : {}),
    ...envelope({ ...ctx, installation: undefined }, org, sender),
  };
}

export function installationRepositoriesPayload(ctx: PayloadContext, org: GithubOrg, value: GithubInstallation, action: "added" | "removed", sender: GithubUser, repos: GithubRepo[]) {
  return {
    action,
    installation: installationShape(ctx.shapes, value, org, ctx.app),
    repository_selection: value.repositorySelection,
    repositories_added: action === "added" ? repos.map((repo) => repoRef(repo, org)) : [],
    repositories_removed: action === "removed" ? repos.map((repo) => repoRef(repo, org)) : [],
    requester: null,
    ...envelope({ ...ctx, installation: undefined }, org, sender),
  };
}
