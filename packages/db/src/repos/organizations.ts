import type { Plan } from "../generated/prisma/enums";
import type { Tx } from "../tx";

export type OrganizationRecord = {
  id: string;
  slug: string;
  name: string;
  plan: Plan;
  trialEndsAt: Date | null;
  createdAt: Date;
};

const orgSelect = { id: true, slug: true, name: true, plan: true, trialEndsAt: true, createdAt: true } as const;

/** The tenant registry (global): slug → tenant id, looked up before a tenant is known. */
export function organizationsRepo(tx: Tx) {
  return {
    findBySlug: (slug: string): Promise<OrganizationRecord | null> =>
      tx.organization.findUnique({ where: { slug }, select: orgSelect }),
    findById: (id: string): Promise<OrganizationRecord | null> =>
      tx.organization.findUnique({ where: { id }, select: orgSelect }),
    create: (data: { id: string; slug: string; name: string; trialEndsAt: Date }) =>
      tx.organization.create({ data, select: orgSelect }),
  };
}

/** Writes to the current tenant's own registry row only: the id comes from the tenant scope. */
export function currentOrganizationRepo(tx: Tx, tenantId: string) {
  return {
    get: (): Promise<OrganizationRecord> =>
      tx.organization.findUniqueOrThrow({ where: { id: tenantId }, select: orgSelect }),
    update: (data: { name?: string }): Promise<OrganizationRecord> =>
      tx.organization.update({ where: { id: tenantId }, data, select: orgSelect }),
  };
}
