import { flatten, isHeadRef, rootTree, treeAt, treeBySha, type TreeEntry } from "./git-trees";
import type { GithubOrg, GithubRepo, RepoFile } from "./model";
import { fullRepository, minimalRepository, type ShapeContext } from "./rest-shapes";
import { canSee, GithubError, notFound, ok, paginate, requireOrg, requireRepo, type GithubRequest, type Route } from "./routing";
import type { RepoSort } from "./state";

// Repository endpoints: org listing (paged, sortable, so a connector can ask for "recently pushed
// first"), a repository, its topics, languages, contents and git trees.

const DOCS = {
  list: "https://docs.github.com/rest/repos/repos#list-organization-repositories",
  get: "https://docs.github.com/rest/repos/repos#get-a-repository",
  topics: "https://docs.github.com/rest/repos/repos#get-all-repository-topics",
  languages: "https://docs.github.com/rest/repos/repos#list-repository-languages",
  contents: "https://docs.github.com/rest/repos/contents#get-repository-content",
  tree: "https://docs.github.com/rest/git/trees#get-a-tree",
};

function listOrgRepos(request: GithubRequest) {
  const org = requireOrg(request, DOCS.list);
  const query = request.url.searchParams;
  const sort = (["created", "updated", "pushed", "full_name"].includes(query.get("sort") ?? "") ? query.get("sort") : "created") as RepoSort;
  const direction = query.get("direction") === "asc" || query.get("direction") === "desc" ? (query.get("direction") as "asc" | "desc") : sort === "full_name" ? "asc" : "desc";
  const type = query.get("type") ?? "all";
  let repos = request.state.sortedRepos(org, sort, direction);
  if (type === "public") repos = repos.filter((repo) => repo.visibility === "public");
  else if (type === "private") repos = repos.filter((repo) => repo.visibility !== "public");
  else if (type === "forks") repos = [];
  if (request.principal.kind !== "token") repos = repos.filter((repo) => canSee(request, org, repo));
  const page = paginate(request, repos);
  return ok(
    page.items.map((repo) => minimalRepository(request.shapes, org, repo)),
    page.headers,
  );
}

function contentLinks(ctx: ShapeContext, org: GithubOrg, repo: GithubRepo, path: string, sha: string, type: "file" | "dir") {
  const full = `${org.login}/${repo.name}`;
  const self = `${ctx.api}/repos/${full}/contents/${path}?ref=${repo.defaultBranch}`;
  const git = `${ctx.api}/repos/${full}/git/${type === "file" ? "blobs" : "trees"}/${sha}`;
  const html = `${ctx.html}/${full}/${type === "file" ? "blob" : "tree"}/${repo.defaultBranch}/${path}`;
  return { url: self, git_url: git, html_url: html, _links: { self, git, html } };
}

function entryShape(ctx: ShapeContext, org: GithubOrg, repo: GithubRepo, entry: TreeEntry) {
  const type = entry.type === "blob" ? "file" : "dir";
  return {
    type,
    size: entry.size ?? 0,
    name: entry.name,
    path: entry.path,
    sha: entry.sha,
    ...contentLinks(ctx, org, repo, entry.path, entry.sha, type),
    download_url: type === "file" ? `${ctx.api}/_raw/${org.login}/${repo.name}/${repo.defaultBranch}/${entry.path}` : null,
  };
}

/** Base64 wrapped at 60 characters with a trailing newline, exactly as GitHub sends it. */
export function githubBase64(text: string): string {
  const encoded = Buffer.from(text, "utf8").toString("base64");
  return `${encoded.match(/.{1,60}/g)?.join("\n") ?? ""}\n`;
}

function fileShape(ctx: ShapeContext, org: GithubOrg, repo: GithubRepo, file: RepoFile) {
  return {
    type: "file",
    encoding: "base64",
    size: file.size,
    name: file.path.split("/").at(-1)!,
    path: file.path,
    content: githubBase64(file.content),
    sha: file.sha,
    ...contentLinks(ctx, org, repo, file.path, file.sha, "file"),
    download_url: `${ctx.api}/_raw/${org.login}/${repo.name}/${repo.defaultBranch}/${file.path}`,
  };
}

function getContents(request: GithubRequest) {
  const { org, repo } = requireRepo(request, DOCS.contents);
  const ref = request.url.searchParams.get("ref");
  if (!isHeadRef(repo, ref)) throw new GithubError(404, `No commit found for the ref ${ref}`, DOCS.contents);
  const path = (request.params.path ?? "").replace(/^\/+|\/+$/g, "");
  const accept = String(request.headers.accept ?? "");
  const file = repo.files.get(path);
  if (file) {
    if (/vnd\.github(\.v3)?\.raw/.test(accept)) return { status: 200, body: null, raw: { contentType: "application/vnd.github.raw; charset=utf-8", text: file.content } };
    return ok(fileShape(request.shapes, org, repo, file));
  }
  const tree = treeAt(repo, path);
  if (!tree) throw notFound(DOCS.contents);
  const entries = tree.entries.map((entry) => entryShape(request.shapes, org, repo, entry));
  if (/vnd\.github\.object/.test(accept)) {
    return ok({ type: "dir", size: 0, name: path.split("/").at(-1) ?? "", path, sha: tree.sha, ...contentLinks(request.shapes, org, repo, path, tree.sha, "dir"), download_url: null, entries });
  }
  return ok(entries);
}

function getTree(request: GithubRequest) {
  const { org, repo } = requireRepo(request, DOCS.tree);
  const wanted = request.params.tree_sha ?? "";
  const tree = isHeadRef(repo, wanted) ? rootTree(repo) : treeBySha(repo, wanted);
  if (!tree) throw notFound(DOCS.tree);
  const recursive = request.url.searchParams.has("recursive");
  // Paths are relative to the requested tree, as in git.
  const entries = recursive ? flatten(repo, tree) : tree.entries.map((entry) => ({ ...entry, path: entry.name }));
  const api = `${request.shapes.api}/repos/${org.login}/${repo.name}/git`;
  return ok({
    sha: tree.sha,
    url: `${api}/trees/${tree.sha}`,
    tree: entries.map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size !== undefined ? { size: entry.size } : {}),
      url: `${api}/${entry.type === "blob" ? "blobs" : "trees"}/${entry.sha}`,
    })),
    truncated: false,
  });
}

export const repoRoutes: Route[] = [
  { method: "GET", template: "/orgs/{org}/repos", resource: "core", docs: DOCS.list, handle: listOrgRepos },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}",
    resource: "core",
    docs: DOCS.get,
    handle: (request) => {
      const { org, repo } = requireRepo(request, DOCS.get);
      return ok(fullRepository(request.shapes, org, repo));
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/topics",
    resource: "core",
    docs: DOCS.topics,
    handle: (request) => {
      const { repo } = requireRepo(request, DOCS.topics);
      return ok({ names: paginate(request, repo.topics).items });
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/languages",
    resource: "core",
    docs: DOCS.languages,
    handle: (request) => {
      const { repo } = requireRepo(request, DOCS.languages);
      return ok(Object.fromEntries(Object.entries(repo.languages).sort(([, a], [, b]) => b - a)));
    },
  },
  { method: "GET", template: "/repos/{owner}/{repo}/contents", resource: "core", docs: DOCS.contents, handle: getContents },
  { method: "GET", template: "/repos/{owner}/{repo}/contents/{path}", resource: "core", docs: DOCS.contents, handle: getContents },
  { method: "GET", template: "/repos/{owner}/{repo}/git/trees/{tree_sha}", resource: "core", docs: DOCS.tree, handle: getTree },
];
