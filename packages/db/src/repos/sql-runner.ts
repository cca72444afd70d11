import type pg from "pg";

import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../tx";

/**
 * Runs one statement and returns its rows. Read repositories take this instead of a Prisma
 * transaction, so the same queries serve the request transaction (Prisma) and the lighter
 * read-only one (node-postgres, `withTenantReads`). Queries cast counts to int, so both
 * drivers hand back the same JavaScript types.
 */
export type SqlRunner = <T>(query: Prisma.Sql) => Promise<T[]>;

export function prismaRunner(tx: Tx): SqlRunner {
  return <T>(query: Prisma.Sql) => tx.$queryRaw<T[]>(query);
}

export function pgRunner(client: pg.PoolClient): SqlRunner {
  return async <T>(query: Prisma.Sql) => (await client.query(query.text, query.values as unknown[])).rows as T[];
}
