import { previewInvitation } from "@greenroom/accounts";
import { z } from "zod";

import { publicProcedure } from "../../trpc";

export const ZInvitationTokenInput = z.object({ token: z.string().min(10).max(200) });

/** Whoever holds the link may see which org it is for: that is what the link is for. */
export const previewInvitationProcedure = publicProcedure
  .input(ZInvitationTokenInput)
  .query(({ input }) => previewInvitation(input.token));
