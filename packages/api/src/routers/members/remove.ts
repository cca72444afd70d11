import { removeMember } from "@greenroom/accounts";
import { z } from "zod";

import { adminProcedure } from "../../trpc";

export const ZRemoveMemberInput = z.object({ userId: z.uuid("Choose a member") });

export const removeMemberProcedure = adminProcedure
  .input(ZRemoveMemberInput)
  .mutation(async ({ ctx, input }) => {
    await removeMember(ctx.db, ctx.actor, ctx.meta, input);
    return { removed: input.userId };
  });
