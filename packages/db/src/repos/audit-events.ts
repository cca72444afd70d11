import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../tx";
import { uuidV7 } from "../uuid-v7";

export type AuditEventInput = {
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  targetLabel?: string | null;
  metadata?: Prisma.InputJsonValue;
  ip?: string | null;
  userAgent?: string | null;
};

export type AuditEventRecord = {
  id: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  metadata: Prisma.JsonValue;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
};

export type AuditEventFilter = {
  actions?: string[];
  actionPrefix?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: the (createdAt, id) of the last row of the previous page. */
  after?: { createdAt: Date; id: string };
  limit: number;
};

export function auditEventsRepo(tx: Tx, tenantId: string) {
  return {
    record: async (event: AuditEventInput): Promise<void> => {
      await tx.auditEvent.create({ data: { ...event, id: uuidV7(), tenantId } });
    },
    list: (filter: AuditEventFilter): Promise<AuditEventRecord[]> => {
      const where: Prisma.AuditEventWhereInput = { tenantId };
      const and: Prisma.AuditEventWhereInput[] = [];
      if (filter.actions?.length) and.push({ action: { in: filter.actions } });
      if (filter.actionPrefix) and.push({ action: { startsWith: filter.actionPrefix } });
      if (filter.actorId) and.push({ actorId: filter.actorId });
      if (filter.from) and.push({ createdAt: { gte: filter.from } });
      if (filter.to) and.push({ createdAt: { lte: filter.to } });
      if (filter.after) {
        and.push({
          OR: [
            { createdAt: { lt: filter.after.createdAt } },
            { createdAt: filter.after.createdAt, id: { lt: filter.after.id } },
          ],
        });
      }
      if (and.length) where.AND = and;
      return tx.auditEvent.findMany({
        where,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: filter.limit,
      });
    },
  };
}
