import { revokeInvitation } from "@greenroom/accounts";
import { z } from "zod";

import { adminProcedure } from "../../trpc";

export const ZRevokeInvitationInput = z.object({ invitationId: z.uuid("Choose an invitation") });

export const revokeInvitationProcedure = adminProcedure
  .input(ZRevokeInvitationInput)
  .mutation(async ({ ctx, input }) => {
    await revokeInvitation(ctx.db, ctx.actor, ctx.meta, input);
    return { revoked: input.invitationId };
  });
