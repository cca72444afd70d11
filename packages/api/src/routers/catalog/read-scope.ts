import type { TenantScope } from "@greenroom/db";

import type { OrgContext } from "../../trpc";

/**
 * The tenant (and user) for the catalog's cached page reads (@greenroom/catalog/reads): the org
 * orgProcedure resolved and checked membership of. A miss reads in its own read-only tenant
 * transaction; a hit reads no database at all.
 */
export function readScope(ctx: Pick<OrgContext, "org" | "actor">): TenantScope {
  return { tenantId: ctx.org.id, userId: ctx.actor.userId };
}
