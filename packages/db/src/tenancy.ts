import { prisma } from "./client";
import { apiTokensRepo } from "./repos/api-tokens";
import { auditEventsRepo } from "./repos/audit-events";
import { catalogReadsRepo } from "./repos/catalog-reads";
import { catalogSourcesRepo } from "./repos/catalog-sources";
import { catalogWritesRepo } from "./repos/catalog-writes";
import { invitationsRepo } from "./repos/invitations";
import { membershipsRepo, userMembershipsRepo } from "./repos/memberships";
import { currentOrganizationRepo, organizationsRepo } from "./repos/organizations";
import { usersRepo } from "./repos/users";
import type { Tx } from "./tx";

export type TenantScope = { tenantId: string; userId?: string | null };

const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 20_000 } as const;

/** Repositories for the global tables (users, tenant registry), on the same transaction. */
function globalRepos(tx: Tx) {
  return { users: usersRepo(tx), organizations: organizationsRepo(tx) };
}

function tenantRepos(tx: Tx, tenantId: string) {
  return {
    tenantId,
    organization: currentOrganizationRepo(tx, tenantId),
    memberships: membershipsRepo(tx, tenantId),
    invitations: invitationsRepo(tx, tenantId),
    auditEvents: auditEventsRepo(tx, tenantId),
    apiTokens: apiTokensRepo(tx, tenantId),
    catalogSources: catalogSourcesRepo(tx, tenantId),
    catalogWrites: catalogWritesRepo(tx, tenantId),
    catalogReads: catalogReadsRepo(tx, tenantId),
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
export async function withTenant<T>(scope: TenantScope, work: (db: TenantDb) => Promise<T>): Promise<T> {
  return prisma().$transaction(async (tx) => {
    await setScope(tx, scope.tenantId, scope.userId ?? null);
    return work(tenantRepos(tx, scope.tenantId));
  }, TRANSACTION_OPTIONS);
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
