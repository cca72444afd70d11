import type { Role } from "../generated/prisma/enums";
import type { Tx } from "../tx";

export type InvitationRecord = {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  invitedBy: { id: string; name: string; email: string } | null;
};

const invitationSelect = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
  invitedBy: { select: { id: true, name: true, email: true } },
} as const;

export function invitationsRepo(tx: Tx, tenantId: string) {
  return {
    create: (data: { email: string; role: Role; tokenHash: string; invitedById: string; expiresAt: Date }) =>
      tx.invitation.create({ data: { ...data, tenantId }, select: invitationSelect }),
    listPending: (now: Date): Promise<InvitationRecord[]> =>
      tx.invitation.findMany({
        where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        select: invitationSelect,
        orderBy: { createdAt: "desc" },
      }),
    countPending: (now: Date): Promise<number> =>
      tx.invitation.count({ where: { tenantId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    findById: (id: string): Promise<InvitationRecord | null> =>
      tx.invitation.findUnique({ where: { tenantId_id: { tenantId, id } }, select: invitationSelect }),
    findByTokenHash: (tokenHash: string): Promise<InvitationRecord | null> =>
      tx.invitation.findUnique({ where: { tenantId_tokenHash: { tenantId, tokenHash } }, select: invitationSelect }),
    /**
     * Single use, even when two requests race: only one conditional update can match.
     * Returns false when the invitation was already used, revoked or has expired.
     */
    markAccepted: async (id: string, userId: string, now: Date): Promise<boolean> => {
      const { count } = await tx.invitation.updateMany({
        where: { tenantId, id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now, acceptedById: userId },
      });
      return count === 1;
    },
    revoke: async (id: string, now: Date): Promise<boolean> => {
      const { count } = await tx.invitation.updateMany({
        where: { tenantId, id, acceptedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
      return count === 1;
    },
  };
}
