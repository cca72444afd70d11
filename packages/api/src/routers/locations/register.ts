import { z } from "zod";

import { registerLocation } from "../../locations/location-service";
import { memberProcedure } from "../../trpc";

export const ZRegisterLocationInput = z.object({
  target: z.string().trim().min(1, "Enter the URL of a catalog-info.yaml").max(2_000, "URLs are at most 2,000 characters"),
  /** Read and validate only: show what would be imported. */
  dryRun: z.boolean().default(false),
});

/**
 * Registers a catalog file by URL (Backstage's "Register existing component"). Members may do
 * it, as in Backstage; the URL is read now, so mistakes show at once, in words.
 */
export const registerLocationProcedure = memberProcedure
  .input(ZRegisterLocationInput)
  .mutation(async ({ ctx, input }) => {
    const applied = await registerLocation(ctx.org.id, { target: input.target, dryRun: input.dryRun, createdById: ctx.actor.userId });
    return {
      location: applied.location,
      exists: applied.exists,
      entities: applied.entities.map((entity) => ({ kind: entity.kind, namespace: entity.metadata.namespace ?? "default", name: entity.metadata.name, title: entity.metadata.title ?? null })),
      counts: applied.result
        ? { created: applied.result.created, updated: applied.result.updated, unchanged: applied.result.unchanged, deleted: applied.result.deleted }
        : null,
      conflicts: applied.result?.conflicts.map((conflict) => conflict.ref) ?? [],
      held: applied.result?.held ?? null,
      errors: applied.errors.slice(0, 100),
    };
  });
