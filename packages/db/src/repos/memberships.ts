import type { Role } from "../generated/prisma/enums";
import type { Tx } from "../tx";

export type MemberRecord = {
  userId: string;
  role: Role;
  createdAt: Date;
  user: { id: string; name: string; email: string; avatarUrl: string | null };
};

const memberSelect = {
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true, avatarUrl: true } },
} as const;

export function membershipsRepo(tx: Tx, tenantId: string) {
  const key = (userId: string) => ({ tenantId_userId: { tenantId, userId } });
  return {
    list: (): Promise<MemberRecord[]> =>
      tx.membership.findMany({ where: { tenantId }, select: memberSelect, orderBy: { createdAt: "asc" } }),
    find: (userId: string): Promise<MemberRecord | null> =>
      tx.membership.findUnique({ where: key(userId), select: memberSelect }),
    count: (): Promise<number> => tx.membership.count({ where: { tenantId } }),
    countWithRole: (role: Role): Promise<number> => tx.membership.count({ where: { tenantId, role } }),
    create: (userId: string, role: Role): Promise<MemberRecord> =>
      tx.membership.create({ data: { tenantId, userId, role }, select: memberSelect }),
    updateRole: (userId: string, role: Role): Promise<MemberRecord> =>
      tx.membership.update({ where: key(userId), data: { role }, select: memberSelect }),
    remove: async (userId: string): Promise<void> => {
      await tx.membership.delete({ where: key(userId) });
    },
    /** Serialises concurrent owner changes in this org (two owners demoting each other at once). */
    lockOwners: async (): Promise<void> => {
      await tx.$queryRaw`SELECT user_id FROM memberships WHERE tenant_id = ${tenantId}::uuid AND role = 'OWNER' FOR UPDATE`;
    },
  };
}

/** Memberships of one user across orgs: readable through the own_memberships RLS policy. */
export function userMembershipsRepo(tx: Tx, userId: string) {
  return {
    list: () =>
      tx.membership.findMany({
        where: { userId },
        select: { role: true, organization: { select: { id: true, slug: true, name: true } } },
        orderBy: { createdAt: "asc" },
      }),
  };
}
