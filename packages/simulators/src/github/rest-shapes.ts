import { nodeId, type GithubInstallation, type GithubOrg, type GithubRepo, type GithubTeam, type GithubUser, type RepoPermission } from "./model";

// REST JSON shapes, field for field as api.github.com returns them (2022-11-28), rendered from the
// model. The fixture schemas are the judge: a test validates every one of these.

/** Base URLs embedded in bodies: API links point at the simulator so clients can follow them. */
export type ShapeContext = { api: string; html: string; avatars: string };

export function avatarUrl(ctx: ShapeContext, id: number): string {
  return `${ctx.avatars}/u/${id}?v=4`;
}

type Account = { id: number; login: string; type: "User" | "Organization" };

export function simpleUser(ctx: ShapeContext, account: Account) {
  const api = `${ctx.api}/users/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === "User" ? "user" : "org", account.id),
    avatar_url: avatarUrl(ctx, account.id),
    gravatar_id: "",
    url: api,
    html_url: `${ctx.html}/${account.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    user_view_type: "public",
    site_admin: false,
  };
}

export const userAccount = (user: GithubUser): Account => ({ id: user.id, login: user.login, type: "User" });
export const orgAccount = (org: GithubOrg): Account => ({ id: org.id, login: org.login, type: "Organization" });

/** GET /users/{username}: the public-user shape (no private fields, as for any other user). */
export function publicUser(ctx: ShapeContext, user: GithubUser, publicRepos = 0) {
  return {
    ...simpleUser(ctx, userAccount(user)),
    name: user.name,
    company: user.company,
    blog: "",
    location: user.location,
    email: user.email,
    hireable: null,
    bio: user.bio,
    twitter_username: null,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

function repoUrls(ctx: ShapeContext, full: string) {
  const api = `${ctx.api}/repos/${full}`;
  const host = new URL(ctx.html).host;
  return {
    html_url: `${ctx.html}/${full}`,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${full}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${full}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${ctx.html}/${full}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: `${ctx.html}/${full}`,
  };
}

function license(ctx: ShapeContext, repo: GithubRepo) {
  if (!repo.license) return null;
  return {
    key: repo.license.key,
    name: repo.license.name,
    spdx_id: repo.license.spdxId,
    url: repo.license.key === "other" ? null : `${ctx.api}/licenses/${repo.license.key}`,
    node_id: `MDc6TGljZW5zZS${Buffer.from(repo.license.key).toString("base64url")}`,
  };
}

const PERMISSIONS: Record<RepoPermission, { admin: boolean; maintain: boolean; push: boolean; triage: boolean; pull: boolean }> = {
  admin: { admin: true, maintain: true, push: true, triage: true, pull: true },
  maintain: { admin: false, maintain: true, push: true, triage: true, pull: true },
  push: { admin: false, maintain: false, push: true, triage: true, pull: true },
  triage: { admin: false, maintain: false, push: false, triage: true, pull: true },
  pull: { admin: false, maintain: false, push: false, triage: false, pull: true },
};

function repoCore(ctx: ShapeContext, org: GithubOrg, repo: GithubRepo) {
  const full = `${org.login}/${repo.name}`;
  const size = Math.max(1, Math.round(Object.values(repo.languages).reduce((sum, bytes) => sum + bytes, 0) / 1024));
  return {
    id: repo.id,
    node_id: nodeId("repo", repo.id),
    name: repo.name,
    full_name: full,
    private: repo.visibility !== "public",
    owner: simpleUser(ctx, orgAccount(org)),
    description: repo.description,
    fork: false,
    ...repoUrls(ctx, full),
    homepage: repo.homepage,
    language: repo.language,
    forks_count: repo.forks,
    stargazers_count: repo.stars,
    watchers_count: repo.stars,
    size,
    default_branch: repo.defaultBranch,
    open_issues_count: repo.openIssues,
    is_template: repo.isTemplate,
    topics: repo.topics,
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: repo.archived,
    disabled: false,
    visibility: repo.visibility,
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    allow_forking: false,
    web_commit_signoff_required: false,
    license: license(ctx, repo),
    forks: repo.forks,
    open_issues: repo.openIssues,
    watchers: repo.stars,
  };
}

/** The minimal-repository shape of list endpoints (GET /orgs/{org}/repos, team repos). */
export function minimalRepository(ctx: ShapeContext, org: GithubOrg, repo: GithubRepo, permission: RepoPermission = "admin") {
  return { ...repoCore(ctx, org, repo), permissions: PERMISSIONS[permission], role_name: permission, security_and_analysis: null };
}

/** The repository shape of installation listings (GET /installation/repositories). */
export function installationRepository(ctx: ShapeContext, org: GithubOrg, repo: GithubRepo) {
  return { ...repoCore(ctx, org, repo), permissions: PERMISSIONS.pull, temp_clone_token: "", allow_rebase_merge: true, allow_squash_merge: true, allow_merge_commit: true };
}

/** GET /repos/{owner}/{repo}: the full-repository shape. */
export function fullRepository(ctx: ShapeContext, org: GithubOrg, repo: GithubRepo) {
  return {
    ...repoCore(ctx, org, repo),
    permissions: PERMISSIONS.admin,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: true,
    allow_merge_commit: true,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: "COMMIT_OR_PR_TITLE",
    squash_merge_commit_message: "COMMIT_MESSAGES",
    merge_commit_title: "MERGE_MESSAGE",
    merge_commit_message: "PR_TITLE",
    organization: simpleUser(ctx, orgAccount(org)),
    network_count: repo.forks,
    subscribers_count: Math.min(repo.stars, 10),
    security_and_analysis: null,
    custom_properties: {},
  };
}

function teamUrl(ctx: ShapeContext, org: GithubOrg, team: GithubTeam): string {
  return `${ctx.api}/organizations/${org.id}/team/${team.id}`;
}

function teamSimple(ctx: ShapeContext, org: GithubOrg, team: GithubTeam) {
  const url = teamUrl(ctx, org, team);
  return {
    id: team.id,
    node_id: nodeId("team", team.id),
    url,
    members_url: `${url}/members{/member}`,
    name: team.name,
    description: team.description,
    permission: "pull",
    privacy: team.privacy,
    notification_setting: "notifications_enabled",
    html_url: `${ctx.html}/orgs/${org.login}/teams/${team.slug}`,
    repositories_url: `${url}/repos`,
    slug: team.slug,
    type: "organization",
    organization_id: org.id,
  };
}

export function team(ctx: ShapeContext, org: GithubOrg, value: GithubTeam) {
  const parent = value.parentSlug ? org.teams.get(value.parentSlug) : undefined;
  return { ...teamSimple(ctx, org, value), parent: parent ? teamSimple(ctx, org, parent) : null };
}

/** One app installation; `account` carries both user and enterprise fields, as the schema wants. */
export function installation(ctx: ShapeContext, value: GithubInstallation, org: GithubOrg, app: { id: number; slug: string }) {
  return {
    id: value.id,
    account: { ...simpleUser(ctx, orgAccount(org)), name: org.name, slug: org.login, description: org.description, created_at: org.createdAt, updated_at: org.createdAt },
    repository_selection: value.repositorySelection,
    access_tokens_url: `${ctx.api}/app/installations/${value.id}/access_tokens`,
    repositories_url: `${ctx.api}/installation/repositories`,
    html_url: `${ctx.html}/organizations/${org.login}/settings/installations/${value.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: org.id,
    target_type: "Organization",
    permissions: value.permissions,
    events: value.events,
    created_at: value.createdAt,
    updated_at: value.updatedAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: value.suspendedAt,
  };
}

/** GitHub's error body: message, documentation_url and (since 2024) the status as a string. */
export function errorBody(message: string, documentation = "https://docs.github.com/rest", status?: number) {
  return { message, documentation_url: documentation, ...(status ? { status: String(status) } : {}) };
}
