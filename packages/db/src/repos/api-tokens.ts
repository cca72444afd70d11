import type { ApiTokenScope } from "../generated/prisma/enums";
import type { Tx } from "../tx";

export type ApiTokenRecord = {
  id: string;
  name: string;
  displayHint: string;
  scope: ApiTokenScope;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdById: string | null;
};

const tokenSelect = { id: true, name: true, displayHint: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdById: true } as const;

export function apiTokensRepo(tx: Tx, tenantId: string) {
  return {
    create: (data: { name: string; tokenHash: string; displayHint: string; scope: ApiTokenScope; createdById: string | null }) =>
      tx.apiToken.create({ data: { ...data, tenantId }, select: tokenSelect }),
    list: (): Promise<ApiTokenRecord[]> =>
      tx.apiToken.findMany({ where: { tenantId }, select: tokenSelect, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] }),
    findActiveByHash: (tokenHash: string): Promise<ApiTokenRecord | null> =>
      tx.apiToken.findFirst({ where: { tenantId, tokenHash, revokedAt: null }, select: tokenSelect }),
    findById: (id: string): Promise<ApiTokenRecord | null> =>
      tx.apiToken.findUnique({ where: { tenantId_id: { tenantId, id } }, select: tokenSelect }),
    revoke: async (id: string): Promise<boolean> => {
      const { count } = await tx.apiToken.updateMany({ where: { tenantId, id, revokedAt: null }, data: { revokedAt: new Date() } });
      return count === 1;
    },
    /** Written at most once a minute per token, so busy CI jobs do not turn reads into writes. */
    touch: async (id: string, now: Date): Promise<void> => {
      await tx.apiToken.updateMany({
        where: { tenantId, id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
        data: { lastUsedAt: now },
      });
    },
  };
}
