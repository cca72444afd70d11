import { revokeApiToken } from "@greenroom/accounts";
import { z } from "zod";

import { adminProcedure } from "../../trpc";

export const ZRevokeApiTokenInput = z.object({ tokenId: z.uuid("Choose a token") });

export const revokeApiTokenProcedure = adminProcedure
  .input(ZRevokeApiTokenInput)
  .mutation(async ({ ctx, input }) => {
    const token = await revokeApiToken(ctx.db, ctx.actor, ctx.meta, input);
    return { revoked: token.id, revokedAt: token.revokedAt };
  });
