import { catalogChangeTracker } from "./catalog-changes";
import { prisma } from "./client";
import { apiTokensRepo } from "./repos/api-tokens";
import { auditEventsRepo } from "./repos/audit-events";
import { billingDirectoryRepo, billingRepo } from "./repos/billing";
import { catalogReadsRepo } from "./repos/catalog-reads";
import { catalogSourcesRepo } from "./repos/catalog-sources";
import { catalogWritesRepo } from "./repos/catalog-writes";
import { prismaRunner } from "./repos/sql-runner";
import { integrationDirectoryRepo, integrationSyncRunsRepo, integrationsRepo } from "./repos/integrations";
import { invitationsRepo } from "./repos/invitations";
import { membershipsRepo, userMembershipsRepo } from "./repos/memberships";
import { opsEntitiesRepo, opsMappingsRepo, opsRecordsRepo } from "./repos/ops-records";
import { currentOrganizationRepo, organizationsRepo } from "./repos/organizations";
import { usersRepo } from "./repos/users";
import type { Tx } from "./tx";

export type TenantScope = { tenantId: string; userId?: string | null };
export type AfterCommit = () => Promise<unknown>;

const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 20_000 } as const;

export type TenantTransactionOptions = { timeoutMs?: number };

/**
 * For a transaction that writes a whole catalog (a 10 MB push, an integration's full sync): on
 * a busy two-core machine sixteen of them at once each take longer than a request may hold one.
 */
export const BULK_WRITE: TenantTransactionOptions = { timeoutMs: 180_000 };

/** Repositories for the global tables (users, tenant registry), on the same transaction. */
function globalRepos(tx: Tx) {
  return { users: usersRepo(tx), organizations: organizationsRepo(tx), billingDirectory: billingDirectoryRepo(tx), integrationDirectory: integrationDirectoryRepo(tx) };
}

function tenantRepos(tx: Tx, tenantId: string, committed: AfterCommit[] = []) {
  // Catalog writes tell the read cache once the transaction commits (catalog-changes.ts).
  const catalogChanged = catalogChangeTracker(tenantId, (effect) => void committed.push(effect));
  return {
    tenantId,
    /**
     * Runs `effect` once the transaction has committed (skipped if it rolls back): for side
     * effects another process must see the committed rows for, such as enqueueing a job.
     */
    afterCommit: (effect: AfterCommit): void => void committed.push(effect),
    organization: currentOrganizationRepo(tx, tenantId),
    memberships: membershipsRepo(tx, tenantId),
    invitations: invitationsRepo(tx, tenantId),
    auditEvents: auditEventsRepo(tx, tenantId),
    billing: billingRepo(tx, tenantId),
    apiTokens: apiTokensRepo(tx, tenantId),
    catalogSources: catalogSourcesRepo(tx, tenantId, catalogChanged),
    catalogWrites: catalogWritesRepo(tx, tenantId, catalogChanged),
    catalogReads: catalogReadsRepo(prismaRunner(tx), tenantId),
    integrations: integrationsRepo(tx, tenantId),
    integrationSyncRuns: integrationSyncRunsRepo(tx, tenantId),
    opsRecords: opsRecordsRepo(tx, tenantId),
    opsMappings: opsMappingsRepo(tx, tenantId),
    opsEntities: opsEntitiesRepo(tx, tenantId),
    ...globalRepos(tx),
  };
}

export type TenantDb = ReturnType<typeof tenantRepos>;
export type GlobalDb = ReturnType<typeof globalRepos>;
export type UserDb = GlobalDb & { memberships: ReturnType<typeof userMembershipsRepo> };

async function setScope(tx: Tx, tenantId: string | null, userId: string | null): Promise<void> {
  // is_local = true: the settings end with the transaction, so a pooled connection never
  // carries one request's tenant into the next.
  await tx.$queryRaw`SELECT set_config('app.tenant_id', ${tenantId ?? ""}, true), set_config('app.user_id', ${userId ?? ""}, true)`;
}

/**
 * Runs `work` in one transaction with the tenant set once (DESIGN.md tenancy rule 3). Every
 * repository also filters by tenant_id explicitly; RLS is the net that catches a missed filter.
 */
export async function withTenant<T>(scope: TenantScope, work: (db: TenantDb) => Promise<T>, options: TenantTransactionOptions = {}): Promise<T> {
  const committed: AfterCommit[] = [];
  const result = await prisma().$transaction(async (tx) => {
    await setScope(tx, scope.tenantId, scope.userId ?? null);
    return work(tenantRepos(tx, scope.tenantId, committed));
  }, { ...TRANSACTION_OPTIONS, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) });
  for (const effect of committed) {
    // The change is committed; a failed follow-up must not report it as failed. Each effect's
    // owner has its own safety net (e.g. the billing reconcile job re-syncs seats).
    await effect().catch((error: unknown) => console.error(`after-commit effect failed: ${(error as Error).message}`));
  }
  return result;
}

/** A user's own view across orgs (their memberships), with no tenant set. */
export async function withUser<T>(userId: string, work: (db: UserDb) => Promise<T>): Promise<T> {
  return prisma().$transaction(async (tx) => {
    await setScope(tx, null, userId);
    return work({ ...globalRepos(tx), memberships: userMembershipsRepo(tx, userId) });
  }, TRANSACTION_OPTIONS);
}

/** Global tables only (sign-in, slug lookup): no tenant rows are reachable from here. */
export async function withGlobal<T>(work: (db: GlobalDb) => Promise<T>): Promise<T> {
  return work(globalRepos(prisma()));
}

export async function pingDatabase(): Promise<void> {
  await prisma().$queryRaw`SELECT 1`;
}
