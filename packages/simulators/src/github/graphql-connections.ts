import { GraphQLError } from "graphql";

// Relay connections as GitHub implements them: first/last are mandatory and capped at 100, and
// cursors are opaque strings that encode the position's sort key (so a deletion between two
// pages does not shift the next page, unlike offset paging).

export type ConnectionArgs = { first?: number | null; last?: number | null; after?: string | null; before?: string | null };
export type SortKey = [string | number, number];

/** A GraphQL error carrying GitHub's top-level `type` (NOT_FOUND, MAX_NODE_LIMIT_EXCEEDED, …). */
export class GithubGraphqlError extends GraphQLError {
  constructor(
    message: string,
    readonly githubType: string,
  ) {
    super(message);
  }
}

function encodeCursor(key: SortKey): string {
  return Buffer.from(`cursor:v2:${JSON.stringify(key)}`).toString("base64");
}

function decodeCursor(cursor: string): SortKey {
  try {
    const text = Buffer.from(cursor, "base64").toString("utf8");
    if (!text.startsWith("cursor:v2:")) throw new Error("prefix");
    const key = JSON.parse(text.slice("cursor:v2:".length)) as SortKey;
    if (!Array.isArray(key) || key.length !== 2) throw new Error("shape");
    return key;
  } catch {
    throw new GithubGraphqlError(`\`${cursor}\` does not appear to be a valid cursor.`, "INVALID_CURSOR_ARGUMENTS");
  }
}

function compare(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] - b[1];
}

/** Index of the first item after `key` (or at it, unless `strict`) in a list sorted by keyOf × direction. */
function indexAfter<T>(items: readonly T[], keyOf: (item: T) => SortKey, key: SortKey, direction: 1 | -1, strict = true): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const order = direction * compare(keyOf(items[middle]!), key);
    if (strict ? order <= 0 : order < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function checkPaging(args: ConnectionArgs, field: string): void {
  if (args.first == null && args.last == null) {
    throw new GithubGraphqlError(`You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`, "MISSING_PAGINATION_BOUNDARIES");
  }
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value == null) continue;
    if (value < 0) throw new GithubGraphqlError(`\`${name}\` on the \`${field}\` connection cannot be less than zero.`, "EXCESSIVE_PAGINATION");
    if (value > 100) throw new GithubGraphqlError(`Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of 100 records.`, "EXCESSIVE_PAGINATION");
  }
}

/**
 * One page of `items` (already sorted by keyOf in `direction`) in connection shape; `toNode` and
 * `edgeExtras` turn an item into what the schema's node / edge types expect.
 */
export function connection<T, N>(
  items: readonly T[],
  args: ConnectionArgs,
  field: string,
  options: { keyOf: (item: T) => SortKey; direction?: 1 | -1; toNode: (item: T) => N; edgeExtras?: (item: T) => Record<string, unknown>; extra?: Record<string, unknown> },
) {
  checkPaging(args, field);
  const direction = options.direction ?? 1;
  let start = args.after ? indexAfter(items, options.keyOf, decodeCursor(args.after), direction) : 0;
  let end = args.before ? indexAfter(items, options.keyOf, decodeCursor(args.before), direction, false) : items.length;
  end = Math.max(start, end);
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const page = items.slice(start, end);
  const cursors = page.map((item) => encodeCursor(options.keyOf(item)));
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
    nodes: () => page.map(options.toNode),
    edges: () => page.map((item, index) => ({ cursor: cursors[index], node: options.toNode(item), ...(options.edgeExtras?.(item) ?? {}) })),
    ...options.extra,
  };
}
