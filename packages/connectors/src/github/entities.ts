import type { MemberNode, RepoNode, TeamNode } from "./queries";

/** Backstage names: [a-z0-9A-Z] separated by [-_.], at most 63 characters. */
export function entityName(value: string): string {
  const cleaned = value
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "")
    .replace(/[-_.]{2,}/g, "-")
    .slice(0, 63)
    .replace(/[^A-Za-z0-9]+$/, "");
  return cleaned || "unnamed";
}

function tag(value: string): string | null {
  const cleaned = value.toLowerCase().replace(/[^a-z0-9+#]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63);
  return cleaned || null;
}

/** The owner CODEOWNERS gives the whole repository (`*` or `/`), as an entity ref. */
export function ownerFromCodeowners(text: string | undefined | null, org: string): string | null {
  if (!text) return null;
  let owner: string | null = null;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    const [pattern, first] = line.split(/\s+/);
    if ((pattern === "*" || pattern === "/" || pattern === "/*") && first?.startsWith("@")) {
      const handle = first.slice(1);
      const slash = handle.indexOf("/");
      if (slash !== -1) {
        if (handle.slice(0, slash).toLowerCase() === org.toLowerCase()) owner = `group:default/${entityName(handle.slice(slash + 1))}`;
      } else owner = `user:default/${entityName(handle)}`;
    }
  }
  // The last matching rule wins, as in GitHub.
  return owner;
}

/**
 * A Component inferred from a repository that has no catalog file. Its owner: the CODEOWNERS
 * rule for the whole repository, else the team with the highest permission on it, else the
 * configured default.
 */
export function inferredComponent(repo: RepoNode, options: { org: string; defaultOwner: string; teamOwner?: string | null }) {
  const topics = repo.repositoryTopics.nodes.map((node) => tag(node.topic.name)).filter((value): value is string => Boolean(value));
  const language = repo.primaryLanguage ? tag(repo.primaryLanguage.name) : null;
  const tags = [...new Set([...topics, ...(language ? [language] : [])])].slice(0, 20);
  const annotations: Record<string, string> = { "github.com/project-slug": repo.nameWithOwner };
  if (repo.defaultBranchRef) annotations["backstage.io/source-location"] = `url:${repo.url}/tree/${repo.defaultBranchRef.name}/`;
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: "Component",
    metadata: {
      name: entityName(repo.name),
      ...(repo.description ? { description: repo.description.slice(0, 1000) } : {}),
      ...(tags.length ? { tags } : {}),
      annotations,
      links: [{ url: repo.url, title: "Repository", icon: "github" }],
    },
    spec: {
      type: "service",
      lifecycle: repo.isArchived ? "deprecated" : "production",
      owner: ownerFromCodeowners(repo.codeowners?.text, options.org) ?? options.teamOwner ?? options.defaultOwner,
    },
  };
}

export function teamGroup(team: TeamNode) {
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: "Group",
    metadata: {
      name: entityName(team.slug),
      ...(team.description ? { description: team.description.slice(0, 1000) } : {}),
      annotations: { "github.com/team-slug": team.slug },
    },
    spec: {
      type: "team",
      profile: { displayName: team.name },
      ...(team.parentTeam ? { parent: `group:default/${entityName(team.parentTeam.slug)}` } : {}),
      children: [],
      members: team.members.nodes.map((member) => `user:default/${entityName(member.login)}`),
    },
  };
}

export function memberUser(member: MemberNode) {
  return {
    apiVersion: "backstage.io/v1alpha1",
    kind: "User",
    metadata: { name: entityName(member.login), annotations: { "github.com/user-login": member.login } },
    spec: {
      profile: {
        ...(member.name ? { displayName: member.name } : {}),
        ...(member.email ? { email: member.email } : {}),
        ...(member.avatarUrl ? { picture: member.avatarUrl } : {}),
      },
      memberOf: [],
    },
  };
}
