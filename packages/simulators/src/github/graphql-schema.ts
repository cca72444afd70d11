import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

// The GraphQL schema the simulator executes: a subset of GitHub's real schema
// (@octokit/graphql-schema), cut out of the official introspection result. Type names, field
// names, arguments, nullability and enums are GitHub's own, so a query that validates here
// validates against api.github.com; a field outside the subset fails validation loudly.

/** Object and interface types kept, with the fields kept on each. */
const SUBSET: Record<string, string[]> = {
  Query: ["organization", "repository", "user", "rateLimit"],
  Organization: ["id", "databaseId", "login", "name", "description", "email", "url", "avatarUrl", "repositories", "repository", "teams", "team", "membersWithRole"],
  Repository: [
    "id", "databaseId", "name", "nameWithOwner", "description", "isArchived", "isPrivate", "isFork", "isDisabled", "isEmpty", "isTemplate",
    "visibility", "url", "sshUrl", "homepageUrl", "createdAt", "updatedAt", "pushedAt", "defaultBranchRef", "primaryLanguage", "languages",
    "repositoryTopics", "object", "owner", "stargazerCount", "forkCount", "diskUsage",
  ],
  RepositoryOwner: ["id", "login"],
  Node: ["id"],
  GitObject: ["id", "oid", "abbreviatedOid", "commitUrl", "commitResourcePath", "repository"],
  Blob: ["id", "oid", "abbreviatedOid", "commitUrl", "commitResourcePath", "repository", "text", "byteSize", "isBinary", "isTruncated"],
  Tree: ["id", "oid", "abbreviatedOid", "commitUrl", "commitResourcePath", "repository", "entries"],
  TreeEntry: ["name", "path", "type", "mode", "oid", "extension", "size", "object"],
  Commit: ["id", "oid", "abbreviatedOid", "commitUrl", "commitResourcePath", "repository", "committedDate", "message", "tree"],
  Ref: ["id", "name", "prefix", "target"],
  Team: ["id", "databaseId", "slug", "combinedSlug", "name", "description", "privacy", "url", "createdAt", "updatedAt", "parentTeam", "members", "childTeams", "repositories", "organization"],
  User: ["id", "databaseId", "login", "name", "email", "avatarUrl", "url", "company", "location", "bio", "createdAt"],
  RateLimit: ["cost", "limit", "nodeCount", "remaining", "resetAt", "used"],
  PageInfo: ["endCursor", "hasNextPage", "hasPreviousPage", "startCursor"],
  RepositoryConnection: ["edges", "nodes", "pageInfo", "totalCount", "totalDiskUsage"],
  RepositoryEdge: ["cursor", "node"],
  RepositoryTopicConnection: ["edges", "nodes", "pageInfo", "totalCount"],
  RepositoryTopicEdge: ["cursor", "node"],
  RepositoryTopic: ["id", "topic", "url", "resourcePath"],
  Topic: ["id", "name"],
  Language: ["id", "name", "color"],
  LanguageConnection: ["edges", "nodes", "pageInfo", "totalCount", "totalSize"],
  LanguageEdge: ["cursor", "node", "size"],
  TeamConnection: ["edges", "nodes", "pageInfo", "totalCount"],
  TeamEdge: ["cursor", "node"],
  TeamMemberConnection: ["edges", "nodes", "pageInfo", "totalCount"],
  TeamMemberEdge: ["cursor", "node", "role"],
  OrganizationMemberConnection: ["edges", "nodes", "pageInfo", "totalCount"],
  OrganizationMemberEdge: ["cursor", "node", "role", "hasTwoFactorEnabled"],
  TeamRepositoryConnection: ["edges", "nodes", "pageInfo", "totalCount"],
  TeamRepositoryEdge: ["cursor", "node", "permission"],
};

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
type IntrospectedType = {
  kind: string;
  name: string;
  fields?: { name: string; args: { type: TypeRef }[]; type: TypeRef }[] | null;
  inputFields?: { type: TypeRef }[] | null;
  interfaces?: { name: string }[] | null;
  possibleTypes?: { name: string }[] | null;
  [key: string]: unknown;
};

function namedType(ref: TypeRef): string {
  return ref.name ?? namedType(ref.ofType!);
}

export function subsetIntrospection(full: { __schema: { types: IntrospectedType[]; directives: { name: string }[] } }): IntrospectionQuery {
  const all = new Map(full.__schema.types.map((type) => [type.name, type]));
  const kept = new Map<string, IntrospectedType>();
  const pending: string[] = [];
  const want = (name: string, from: string) => {
    if (kept.has(name) || pending.includes(name)) return;
    const type = all.get(name);
    if (!type) throw new Error(`GitHub schema has no type ${name}`);
    if ((type.kind === "OBJECT" || type.kind === "INTERFACE" || type.kind === "UNION") && !SUBSET[name]) {
      throw new Error(`GraphQL subset: ${from} returns ${name}; add it to SUBSET`);
    }
    pending.push(name);
  };
  for (const name of Object.keys(SUBSET)) want(name, "subset");
  while (pending.length > 0) {
    const name = pending.shift()!;
    const type = { ...all.get(name)! };
    const fields = SUBSET[name];
    if (fields && type.fields) {
      type.fields = type.fields.filter((field) => fields.includes(field.name));
      const missing = fields.filter((field) => !type.fields!.some((candidate) => candidate.name === field));
      if (missing.length > 0) throw new Error(`GitHub's ${name} has no ${missing.join(", ")}`);
      for (const field of type.fields) {
        want(namedType(field.type), `${name}.${field.name}`);
        for (const arg of field.args) want(namedType(arg.type), `${name}.${field.name}(args)`);
      }
    }
    for (const input of type.inputFields ?? []) want(namedType(input.type), name);
    if (type.interfaces) type.interfaces = type.interfaces.filter((entry) => SUBSET[entry.name]);
    if (type.possibleTypes) type.possibleTypes = type.possibleTypes.filter((entry) => SUBSET[entry.name]);
    kept.set(name, type);
  }
  return {
    __schema: {
      ...(full.__schema as unknown as IntrospectionQuery["__schema"]),
      mutationType: null,
      subscriptionType: null,
      types: [...kept.values()] as unknown as IntrospectionQuery["__schema"]["types"],
      directives: full.__schema.directives.filter((directive) => ["include", "skip", "deprecated"].includes(directive.name)) as unknown as IntrospectionQuery["__schema"]["directives"],
    },
  };
}

let built: Promise<GraphQLSchema> | null = null;

/** Built once per process on first use (the official introspection JSON is ~5 MB). */
export function githubGraphqlSchema(): Promise<GraphQLSchema> {
  built ??= import("@octokit/graphql-schema").then(({ schema }) => buildClientSchema(subsetIntrospection(schema.json as never)));
  return built;
}
