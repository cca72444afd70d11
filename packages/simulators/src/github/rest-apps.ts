import { iso, type GithubInstallation } from "./model";
import { installation, installationRepository } from "./rest-shapes";
import { GithubError, notFound, ok, paginate, requireOrg, type GithubRequest, type Route } from "./routing";

// The GitHub App flow: list installations and mint installation tokens with an app JWT, then
// list the installation's repositories with the token (POST access_tokens is what
// @octokit/auth-app calls behind the scenes).

const DOCS = {
  list: "https://docs.github.com/rest/apps/apps#list-installations-for-the-authenticated-app",
  token: "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app",
  repos: "https://docs.github.com/rest/apps/installations#list-repositories-accessible-to-the-app-installation",
  orgInstallation: "https://docs.github.com/rest/apps/apps#get-an-organization-installation-for-the-authenticated-app",
};

function installationShape(request: GithubRequest, value: GithubInstallation) {
  return installation(request.shapes, value, request.state.resolveOrg(value.orgLogin), request.auth.app);
}

function createToken(request: GithubRequest) {
  const value = request.state.installations.get(Number(request.params.installation_id));
  if (!value) throw notFound(DOCS.token);
  if (value.suspendedAt) throw new GithubError(403, "This installation has been suspended", DOCS.token);
  const org = request.state.resolveOrg(value.orgLogin);
  let input: { repositories?: string[]; repository_ids?: number[]; permissions?: Record<string, string> } = {};
  try {
    input = request.body ? (JSON.parse(request.body) as typeof input) : {};
  } catch {
    throw new GithubError(400, "Problems parsing JSON", DOCS.token);
  }
  // A token can be narrowed to some of the installation's repositories, never widened.
  let narrowed: Set<number> | null = null;
  if (input.repositories || input.repository_ids) {
    narrowed = new Set<number>(input.repository_ids ?? []);
    for (const name of input.repositories ?? []) {
      const repo = org.repos.get(name);
      if (!repo) throw new GithubError(422, `There is at least one repository that does not exist or is not accessible to the parent installation.`, DOCS.token);
      narrowed.add(repo.id);
    }
    for (const id of narrowed) {
      const repo = [...org.repos.values()].find((candidate) => candidate.id === id);
      if (!repo || !request.state.canInstallationSee(value, repo)) {
        throw new GithubError(422, "There is at least one repository that does not exist or is not accessible to the parent installation.", DOCS.token);
      }
    }
  }
  const minted = request.auth.issueInstallationToken(value, narrowed);
  const repos = narrowed ? [...org.repos.values()].filter((repo) => narrowed.has(repo.id)) : null;
  return {
    status: 201,
    body: {
      token: minted.token,
      expires_at: iso(minted.expiresAt),
      permissions: input.permissions ?? value.permissions,
      repository_selection: narrowed ? "selected" : value.repositorySelection,
      ...(repos ? { repositories: repos.map((repo) => installationRepository(request.shapes, org, repo)) } : {}),
    },
  };
}

function listInstallationRepos(request: GithubRequest) {
  const principal = request.principal;
  if (principal.kind !== "installation") throw new GithubError(403, "You must authenticate with an installation access token in order to list repositories for an installation.", DOCS.repos);
  const value = request.state.installations.get(principal.installationId);
  if (!value) throw new GithubError(401, "Bad credentials", DOCS.repos);
  const org = request.state.resolveOrg(value.orgLogin);
  const repos = request.state
    .sortedRepos(org, "created", "asc")
    .filter((repo) => request.state.canInstallationSee(value, repo) && (!principal.repositoryIds || principal.repositoryIds.has(repo.id)));
  const page = paginate(request, repos);
  return ok(
    {
      total_count: repos.length,
      repositories: page.items.map((repo) => installationRepository(request.shapes, org, repo)),
      repository_selection: principal.repositoryIds ? "selected" : value.repositorySelection,
    },
    page.headers,
  );
}

export const appRoutes: Route[] = [
  {
    method: "GET",
    template: "/app/installations",
    resource: "core",
    auth: "app",
    docs: DOCS.list,
    handle: (request) => {
      const all = [...request.state.installations.values()].sort((a, b) => a.id - b.id);
      const page = paginate(request, all);
      return ok(
        page.items.map((value) => installationShape(request, value)),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/installation",
    resource: "core",
    auth: "app",
    docs: DOCS.orgInstallation,
    handle: (request) => {
      const org = requireOrg(request, DOCS.orgInstallation);
      const value = request.state.installationFor(org);
      if (!value) throw notFound(DOCS.orgInstallation);
      return ok(installationShape(request, value));
    },
  },
  { method: "POST", template: "/app/installations/{installation_id}/access_tokens", resource: "core", auth: "app", docs: DOCS.token, handle: createToken },
  { method: "GET", template: "/installation/repositories", resource: "core", auth: "installation", docs: DOCS.repos, handle: listInstallationRepos },
];
