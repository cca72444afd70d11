import { acceptInvitation } from "@greenroom/accounts";

import { authedProcedure } from "../../trpc";
import { ZInvitationTokenInput } from "./preview";

export const acceptInvitationProcedure = authedProcedure
  .input(ZInvitationTokenInput)
  .mutation(({ ctx, input }) =>
    acceptInvitation(input.token, { userId: ctx.session.userId, email: ctx.session.email }, ctx.meta),
  );
