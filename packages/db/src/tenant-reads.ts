import pg from "pg";

import { dbEnv } from "./env";
import { catalogReadsRepo } from "./repos/catalog-reads";
import { pgRunner } from "./repos/sql-runner";
import type { TenantScope } from "./tenancy";

export type TenantReadDb = {
  tenantId: string;
  catalogReads: ReturnType<typeof catalogReadsRepo>;
};

const globalForReads = globalThis as unknown as { greenroomReadPool?: pg.Pool };

/**
 * The read path's own node-postgres pool (same role and URL as Prisma's). A Prisma interactive
 * transaction costs ~1 ms of Node CPU before any query (four round trips through the engine);
 * BEGIN READ ONLY + set_config + the queries + COMMIT here cost ~0.3 ms, which is what lets
 * catalog reads hold their latency at 16 concurrent requests on two cores (bench/catalog.ts).
 */
function readPool(): pg.Pool {
  if (!globalForReads.greenroomReadPool) {
    const env = dbEnv();
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_READ_POOL_MAX,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 300_000,
      // A read that runs this long is a bug, not a page; it must not hold a connection forever.
      statement_timeout: 20_000,
      allowExitOnIdle: true,
    });
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    globalForReads.greenroomReadPool = pool;
  }
  return globalForReads.greenroomReadPool;
}

export async function closeTenantReads(): Promise<void> {
  const pool = globalForReads.greenroomReadPool;
  globalForReads.greenroomReadPool = undefined;
  await pool?.end();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidOrThrow(id: string): string {
  if (!UUID.test(id)) throw new Error("withTenantReads takes a tenant id and user id that are UUIDs");
  return id.toLowerCase();
}

/**
 * Runs catalog reads in one READ ONLY transaction with the tenant set (DESIGN.md tenancy rule
 * 3, exactly as `withTenant` sets it: `set_config(…, true)`, so it ends with the transaction and
 * a pooled connection never carries one request's tenant into the next). For pages that only
 * read; writes go through `withTenant`.
 */
export async function withTenantReads<T>(scope: TenantScope, work: (db: TenantReadDb) => Promise<T>): Promise<T> {
  const tenantId = uuidOrThrow(scope.tenantId);
  const userId = scope.userId ? uuidOrThrow(scope.userId) : "";
  const client = await readPool().connect();
  let broken: Error | undefined;
  try {
    // One round trip opens the transaction and sets the scope (simple protocol, so no bind
    // parameters: the ids are checked to be UUIDs above, nothing else is spliced in). Page reads
    // are short: a parallel plan's worker start-up costs more than it saves (a system's
    // relations: 13 ms with two workers, 0.3 ms without) and takes CPU other requests wait for.
    await client.query(
      `BEGIN READ ONLY; SELECT set_config('app.tenant_id', '${tenantId}', true), set_config('app.user_id', '${userId}', true), ` +
        "set_config('max_parallel_workers_per_gather', '0', true)",
    );
    const result = await work({ tenantId, catalogReads: catalogReadsRepo(pgRunner(client), tenantId) });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot roll back is discarded rather than returned mid-transaction.
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError as Error;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
