import type { CatalogSourceKind, Prisma } from "../generated/prisma/client";
import type { Tx } from "../tx";

export type CatalogSourceRecord = {
  id: string;
  kind: CatalogSourceKind;
  name: string;
  target: string | null;
  deletionGuardRatio: number;
  lastMutationAt: Date | null;
  lastErrors: Prisma.JsonValue;
  createdAt: Date;
};

const sourceSelect = {
  id: true,
  kind: true,
  name: true,
  target: true,
  deletionGuardRatio: true,
  lastMutationAt: true,
  lastErrors: true,
  createdAt: true,
} as const;

/** `changed` is called by every write the catalog's pages show (tenancy.ts: invalidates cached reads). */
export function catalogSourcesRepo(tx: Tx, tenantId: string, changed: () => void = () => undefined) {
  return {
    findByName: (name: string): Promise<CatalogSourceRecord | null> =>
      tx.catalogSource.findUnique({ where: { tenantId_name: { tenantId, name } }, select: sourceSelect }),
    findById: (id: string): Promise<CatalogSourceRecord | null> =>
      tx.catalogSource.findUnique({ where: { tenantId_id: { tenantId, id } }, select: sourceSelect }),
    ensure: (data: { kind: CatalogSourceKind; name: string; target?: string | null; createdById?: string | null }) =>
      tx.catalogSource.upsert({
        where: { tenantId_name: { tenantId, name: data.name } },
        create: { tenantId, ...data },
        update: {},
        select: sourceSelect,
      }),
    list: async () => {
      const [sources, counts] = await Promise.all([
        tx.catalogSource.findMany({ where: { tenantId }, select: sourceSelect, orderBy: { createdAt: "asc" } }),
        tx.catalogEntity.groupBy({ by: ["sourceId"], where: { tenantId }, _count: { _all: true } }),
      ]);
      const bySource = new Map(counts.map((row) => [row.sourceId, row._count._all]));
      return sources.map((source) => ({ ...source, entityCount: bySource.get(source.id) ?? 0 }));
    },
    recordMutation: (id: string, errors: Prisma.InputJsonValue) => {
      changed(); // the entity page shows its source's last mutation
      return tx.catalogSource.update({
        where: { tenantId_id: { tenantId, id } },
        data: { lastMutationAt: new Date(), lastErrors: errors },
        select: sourceSelect,
      });
    },
    setGuardRatio: (id: string, ratio: number) =>
      tx.catalogSource.update({ where: { tenantId_id: { tenantId, id } }, data: { deletionGuardRatio: ratio }, select: sourceSelect }),
    remove: async (id: string): Promise<void> => {
      changed();
      await tx.catalogSource.delete({ where: { tenantId_id: { tenantId, id } } });
    },
  };
}
