import { orgProcedure } from "../../trpc";
import { inOrder } from "./schemas";

/** Entities a second source tried to write: recorded, shown here, never applied. */
export const listConflictsProcedure = orgProcedure.query(async ({ ctx }) => {
  const [conflicts, sources] = await inOrder(() => ctx.db.catalogWrites.listConflicts(), () => ctx.db.catalogSources.list());
  const names = new Map(sources.map((source) => [source.id, source.name]));
  return conflicts.map((conflict) => ({
    id: conflict.id,
    ref: conflict.ref,
    ownerSource: { id: conflict.ownerSourceId, name: names.get(conflict.ownerSourceId) ?? "a removed source" },
    claimantSource: { id: conflict.claimantSourceId, name: names.get(conflict.claimantSourceId) ?? "a removed source" },
    firstSeenAt: conflict.firstSeenAt,
    lastSeenAt: conflict.lastSeenAt,
  }));
});
