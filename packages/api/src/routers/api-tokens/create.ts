import { API_TOKEN_NAME_MAX, createApiToken } from "@greenroom/accounts";
import { z } from "zod";

import { adminProcedure } from "../../trpc";

export const ZCreateApiTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name, e.g. the CI job that will use it").max(API_TOKEN_NAME_MAX, `Keep the name under ${API_TOKEN_NAME_MAX} characters`),
  scope: z.enum(["READ", "WRITE"]).default("READ"),
});

export const createApiTokenProcedure = adminProcedure
  .input(ZCreateApiTokenInput)
  .mutation(async ({ ctx, input }) => {
    const { token, record } = await createApiToken(ctx.db, ctx.actor, ctx.meta, input);
    // The plain token leaves the server this once; only its hash is stored.
    return { token, apiToken: { id: record.id, name: record.name, scope: record.scope, displayHint: record.displayHint, createdAt: record.createdAt } };
  });
