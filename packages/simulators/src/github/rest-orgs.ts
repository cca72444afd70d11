import { isHeadRef } from "./git-trees";
import { RESOURCES } from "./rate-limits";
import { minimalRepository, publicUser, simpleUser, team, userAccount } from "./rest-shapes";
import { canSee, GithubError, notFound, ok, paginate, requireOrg, requireRepo, type GithubRequest, type Route } from "./routing";

// Teams, members, users, the rate-limit status endpoint, and a raw-file host (download_url).

const DOCS = {
  teams: "https://docs.github.com/rest/teams/teams#list-teams",
  teamMembers: "https://docs.github.com/rest/teams/members#list-team-members",
  teamRepos: "https://docs.github.com/rest/teams/teams#list-team-repositories",
  members: "https://docs.github.com/rest/orgs/members#list-organization-members",
  user: "https://docs.github.com/rest/users/users#get-a-user",
  rateLimit: "https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user",
};

function requireTeam(request: GithubRequest, docs: string) {
  const org = requireOrg(request, docs);
  const found = org.teams.get(request.params.team_slug ?? "");
  // Secret teams are visible to org members only; every authenticated caller here is one.
  if (!found || request.principal.kind === "anonymous") throw notFound(docs);
  return { org, team: found };
}

function rateLimitStatus(request: GithubRequest) {
  const resources = Object.fromEntries(RESOURCES.map((resource) => [resource, request.limits.snapshot(request.principal.key, resource)]));
  return ok({ resources, rate: resources.core });
}

export const orgRoutes: Route[] = [
  {
    method: "GET",
    template: "/orgs/{org}/teams",
    resource: "core",
    docs: DOCS.teams,
    handle: (request) => {
      const org = requireOrg(request, DOCS.teams);
      if (request.principal.kind === "anonymous") throw new GithubError(403, "Must have admin rights to Repository.", DOCS.teams);
      const teams = [...org.teams.values()].sort((a, b) => a.id - b.id);
      const page = paginate(request, teams);
      return ok(
        page.items.map((value) => team(request.shapes, org, value)),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/members",
    resource: "core",
    docs: DOCS.teamMembers,
    handle: (request) => {
      const { org, team: found } = requireTeam(request, DOCS.teamMembers);
      const role = request.url.searchParams.get("role") ?? "all";
      // GitHub's REST list includes the members of child teams.
      const members = request.state.teamMembers(org, found, false).filter((entry) => role === "all" || entry.role === role);
      const page = paginate(request, members);
      return ok(
        page.items.map((entry) => simpleUser(request.shapes, userAccount(entry.user))),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/repos",
    resource: "core",
    docs: DOCS.teamRepos,
    handle: (request) => {
      const { org, team: found } = requireTeam(request, DOCS.teamRepos);
      const repos = [...found.repos]
        .map(([name, permission]) => ({ repo: org.repos.get(name), permission }))
        .filter((entry): entry is { repo: NonNullable<typeof entry.repo>; permission: typeof entry.permission } => !!entry.repo && canSee(request, org, entry.repo))
        .sort((a, b) => a.repo.id - b.repo.id);
      const page = paginate(request, repos);
      return ok(
        page.items.map((entry) => minimalRepository(request.shapes, org, entry.repo, entry.permission)),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/members",
    resource: "core",
    docs: DOCS.members,
    handle: (request) => {
      const org = requireOrg(request, DOCS.members);
      const role = request.url.searchParams.get("role") ?? "all";
      if (!["all", "admin", "member"].includes(role)) throw new GithubError(422, "Validation Failed", DOCS.members);
      const members = request.state.orgMembers(org).filter((entry) => role === "all" || entry.role === role);
      const page = paginate(request, members);
      return ok(
        page.items.map((entry) => simpleUser(request.shapes, userAccount(entry.user))),
        page.headers,
      );
    },
  },
  {
    method: "GET",
    template: "/users/{username}",
    resource: "core",
    docs: DOCS.user,
    handle: (request) => {
      const user = request.state.user(request.params.username ?? "");
      if (!user) throw notFound(DOCS.user);
      return ok(publicUser(request.shapes, user));
    },
  },
  // Checking the budget is free, as GitHub documents.
  { method: "GET", template: "/rate_limit", resource: null, docs: DOCS.rateLimit, handle: rateLimitStatus },
  {
    // The simulator's raw.githubusercontent.com: where contents' download_url points.
    method: "GET",
    template: "/_raw/{owner}/{repo}/{ref}/{path}",
    resource: null,
    docs: "https://docs.github.com/rest/repos/contents",
    handle: (request) => {
      const { repo } = requireRepo(request, "https://docs.github.com/rest/repos/contents");
      const file = isHeadRef(repo, request.params.ref) ? repo.files.get(request.params.path ?? "") : undefined;
      if (!file) throw notFound("https://docs.github.com/rest/repos/contents");
      return { status: 200, body: null, raw: { contentType: "text/plain; charset=utf-8", text: file.content } };
    },
  },
];
