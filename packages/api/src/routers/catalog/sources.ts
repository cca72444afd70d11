import { orgProcedure } from "../../trpc";
import { inOrder } from "./schemas";

type StoredError = { documentIndex?: number; entityRef?: string; path?: string; rule?: string; message?: string; line?: number };

/** Every source with how many entities it owns and what went wrong in its last write. */
export const listSourcesProcedure = orgProcedure.query(async ({ ctx }) => {
  const [sources, held, orphans] = await inOrder(() => ctx.db.catalogSources.list(), () => ctx.db.catalogWrites.listHeld(), () => ctx.db.catalogReads.count({ orphaned: true }));
  return {
    sources: sources.map((source) => {
      const errors = (Array.isArray(source.lastErrors) ? source.lastErrors : []) as StoredError[];
      return {
        id: source.id,
        kind: source.kind,
        name: source.name,
        target: source.target,
        entityCount: source.entityCount,
        lastMutationAt: source.lastMutationAt,
        createdAt: source.createdAt,
        deletionGuardRatio: source.deletionGuardRatio,
        heldCount: held.filter((mutation) => mutation.sourceId === source.id).length,
        lastErrors: errors.slice(0, 50).map((error) => ({
          documentIndex: error.documentIndex ?? null,
          entityRef: error.entityRef ?? null,
          path: error.path ?? "",
          rule: error.rule ?? "",
          message: error.message ?? "",
          line: error.line ?? null,
        })),
        errorCount: errors.length,
      };
    }),
    orphanCount: orphans,
  };
});
