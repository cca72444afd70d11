import { execute, type GraphQLError, Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { queryCost } from "./graphql-cost";
import { GithubGraphqlError } from "./graphql-connections";
import { queryRoot, type GraphqlContext } from "./graphql-resolvers";
import { githubGraphqlSchema } from "./graphql-schema";
import { GithubError, type GithubRequest, type GithubResponse, type Route } from "./routing";

// POST /graphql: parse, validate against the GitHub schema subset, price the query with GitHub's
// cost model, spend that from the graphql bucket, then execute. Errors use GitHub's shape (a
// top-level `type` such as NOT_FOUND), and the HTTP status stays 200 as on GitHub.

const DOCS = "https://docs.github.com/graphql";

type GraphqlBody = { query?: string; variables?: Record<string, unknown> | null; operationName?: string | null };

function formatError(error: GraphQLError) {
  const original = error.originalError;
  const type = original instanceof GithubGraphqlError ? original.githubType : error instanceof GithubGraphqlError ? error.githubType : undefined;
  return {
    ...(type ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

function pickOperation(document: DocumentNode, name: string | null | undefined): OperationDefinitionNode | string {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (name) return operations.find((operation) => operation.name?.value === name) ?? `Unknown operation named "${name}".`;
  if (operations.length !== 1) return "Must provide operation name if query contains multiple operations.";
  return operations[0]!;
}

async function handle(request: GithubRequest): Promise<GithubResponse> {
  let body: GraphqlBody;
  try {
    body = JSON.parse(request.body || "{}") as GraphqlBody;
  } catch {
    throw new GithubError(400, "Problems parsing JSON", DOCS);
  }
  if (typeof body.query !== "string" || body.query.trim() === "") {
    return { status: 200, body: { errors: [{ message: "A query attribute must be specified and must be a string." }] }, cost: 0 };
  }
  const schema = await githubGraphqlSchema();
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return { status: 200, body: { errors: [formatError(error as GraphQLError)] }, cost: 0 };
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return { status: 200, body: { errors: invalid.map(formatError) }, cost: 0 };
  const operation = pickOperation(document, body.operationName);
  if (typeof operation === "string") return { status: 200, body: { errors: [{ message: operation }] }, cost: 0 };
  const fragments = Object.fromEntries(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const variables = body.variables ?? {};
  const priced = queryCost(schema, operation, fragments, variables);
  if (priced.overLimit) return { status: 200, body: { errors: [{ type: "MAX_NODE_LIMIT_EXCEEDED", message: priced.overLimit }] }, cost: 0 };

  const spent = request.limits.charge(request.principal.key, "graphql", priced.cost);
  if (!spent.ok) {
    const who = request.principal.kind === "installation" ? `installation ID ${request.principal.installationId}` : "user ID 1";
    throw new GithubError(403, `API rate limit already exceeded for ${who}.`, "https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api");
  }
  const context: GraphqlContext = { request, rateLimit: { ...spent.snapshot, cost: priced.cost, nodeCount: priced.nodeCount } };
  const result = await execute({ schema, document, rootValue: queryRoot(context), contextValue: context, variableValues: variables, operationName: body.operationName ?? undefined });
  return {
    status: 200,
    body: { ...(result.errors ? { errors: result.errors.map(formatError) } : {}), data: result.data ?? null },
    cost: priced.cost,
  };
}

export const graphqlRoutes: Route[] = [{ method: "POST", template: "/graphql", resource: "graphql", auth: "authenticated", selfCharging: true, docs: DOCS, handle }];
