import {
  getNamedType,
  isCompositeType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

// GitHub's documented GraphQL cost model: add up one "request" per connection per parent
// (assuming every first/last limit is reached), divide by 100, round, minimum 1; and count the
// nodes the query could return, refusing queries above 500,000.

export const MAX_NODES = 500_000;

export type QueryCost = { cost: number; requests: number; nodeCount: number; overLimit: string | null };

function argumentValue(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.VARIABLE) {
    const resolved = variables[value.name.value];
    return typeof resolved === "number" ? resolved : null;
  }
  return null;
}

export function queryCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>): QueryCost {
  let requests = 0;
  let nodeCount = 0;
  let overLimit: string | null = null;
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) walk(selection.selectionSet, type, multiplier, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type)) walk(fragment.selectionSet, type, multiplier, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (!selection.selectionSet || !("getFields" in parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const type = getNamedType(field.type);
      if (!isCompositeType(type)) continue;
      let childMultiplier = multiplier;
      if (type.name.endsWith("Connection") && field.args.some((arg) => arg.name === "first")) {
        const argument = (name: string) => selection.arguments?.find((arg) => arg.name.value === name)?.value;
        const size = Math.max(0, argumentValue(argument("first"), variables) ?? argumentValue(argument("last"), variables) ?? 0);
        requests += multiplier;
        childMultiplier = multiplier * size;
        nodeCount += childMultiplier;
        if (nodeCount > MAX_NODES && !overLimit) {
          overLimit = `By the time this query traverses to the ${selection.name.value} connection, it is requesting up to ${nodeCount.toLocaleString("en-US")} possible nodes which exceeds the maximum limit of 500,000.`;
        }
      }
      walk(selection.selectionSet, type, childMultiplier, seen);
    }
  };
  const root = operation.operation === "query" ? schema.getQueryType() : null;
  if (root) walk(operation.selectionSet, root, 1, new Set());
  return { cost: Math.max(1, Math.round(requests / 100)), requests, nodeCount, overLimit };
}
