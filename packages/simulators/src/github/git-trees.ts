import { sha1, type GithubRepo, type RepoFile } from "./model";

// Git trees derived from a repository's flat file map: one tree object per directory, with ids
// computed bottom-up so an unchanged directory keeps its sha across commits (as in git). Built
// lazily per head commit: most repositories are never asked for their tree.

export type TreeEntry = { name: string; path: string; type: "blob" | "tree"; mode: string; sha: string; size?: number };
export type GitTree = { path: string; sha: string; entries: TreeEntry[] };

type RepoTrees = { head: string; byPath: Map<string, GitTree>; bySha: Map<string, GitTree> };
const cache = new WeakMap<GithubRepo, RepoTrees>();

function build(repo: GithubRepo): RepoTrees {
  const children = new Map<string, Map<string, RepoFile | "dir">>();
  const dir = (path: string) => {
    let entries = children.get(path);
    if (!entries) children.set(path, (entries = new Map()));
    return entries;
  };
  dir("");
  for (const file of repo.files.values()) {
    const parts = file.path.split("/");
    for (let depth = 0; depth < parts.length - 1; depth++) {
      dir(parts.slice(0, depth).join("/")).set(parts[depth]!, "dir");
      dir(parts.slice(0, depth + 1).join("/"));
    }
    dir(parts.slice(0, -1).join("/")).set(parts.at(-1)!, file);
  }
  const byPath = new Map<string, GitTree>();
  const visit = (path: string): GitTree => {
    const entries: TreeEntry[] = [...children.get(path)!]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => {
        const childPath = path ? `${path}/${name}` : name;
        if (value === "dir") return { name, path: childPath, type: "tree", mode: "040000", sha: visit(childPath).sha };
        return { name, path: childPath, type: "blob", mode: "100644", sha: value.sha, size: value.size };
      });
    const tree = { path, sha: sha1(`tree\n${entries.map((entry) => `${entry.mode} ${entry.name} ${entry.sha}`).join("\n")}`), entries };
    byPath.set(path, tree);
    return tree;
  };
  visit("");
  return { head: repo.headSha, byPath, bySha: new Map([...byPath.values()].map((tree) => [tree.sha, tree])) };
}

function trees(repo: GithubRepo): RepoTrees {
  let built = cache.get(repo);
  if (!built || built.head !== repo.headSha) {
    built = build(repo);
    cache.set(repo, built);
  }
  return built;
}

export function rootTree(repo: GithubRepo): GitTree {
  return trees(repo).byPath.get("")!;
}

export function treeAt(repo: GithubRepo, path: string): GitTree | undefined {
  return trees(repo).byPath.get(path.replace(/^\/+|\/+$/g, ""));
}

export function treeBySha(repo: GithubRepo, sha: string): GitTree | undefined {
  return trees(repo).bySha.get(sha);
}

/** Every entry below a tree, depth first, paths relative to that tree (recursive=1). */
export function flatten(repo: GithubRepo, tree: GitTree): TreeEntry[] {
  const out: TreeEntry[] = [];
  const prefix = tree.path ? `${tree.path}/` : "";
  const walk = (current: GitTree) => {
    for (const entry of current.entries) {
      out.push({ ...entry, path: entry.path.slice(prefix.length) });
      if (entry.type === "tree") walk(treeAt(repo, entry.path)!);
    }
  };
  walk(tree);
  return out;
}

/** True when `ref` names the repository's current head (branch, sha, HEAD or full ref). */
export function isHeadRef(repo: GithubRepo, ref: string | null | undefined): boolean {
  if (!ref) return true;
  return ref === "HEAD" || ref === repo.defaultBranch || ref === `refs/heads/${repo.defaultBranch}` || ref === repo.headSha || (ref.length >= 7 && repo.headSha.startsWith(ref));
}
