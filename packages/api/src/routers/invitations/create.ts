import { createInvitation, INVITATION_TTL_DAYS, ZEmail, ZRole } from "@greenroom/accounts";
import { enqueue } from "@greenroom/queue";
import { z } from "zod";

import { apiEnv } from "../../env";
import { adminProcedure } from "../../trpc";

export const ZCreateInvitationInput = z.object({ email: ZEmail, role: ZRole.default("MEMBER") });

export function invitationUrl(token: string): string {
  return new URL(`/invite/${encodeURIComponent(token)}`, apiEnv().APP_URL).toString();
}

export const createInvitationProcedure = adminProcedure
  .input(ZCreateInvitationInput)
  .mutation(async ({ ctx, input }) => {
    const { invitation, token } = await createInvitation(ctx.db, ctx.actor, ctx.meta, input);
    const url = invitationUrl(token);
    const emailed = Boolean(apiEnv().SMTP_URL);
    if (emailed) {
      await enqueue("email.send", {
        to: invitation.email,
        subject: `${ctx.actor.email} invited you to ${ctx.org.name} on Greenroom`,
        text: [
          `${ctx.actor.email} invited you to join ${ctx.org.name} on Greenroom as ${invitation.role.toLowerCase()}.`,
          "",
          `Accept the invitation: ${url}`,
          "",
          `The link works once and expires in ${INVITATION_TTL_DAYS} days.`,
        ].join("\n"),
        tenantId: ctx.org.id,
      });
    }
    return {
      invitation: { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt },
      delivery: emailed ? ("email" as const) : ("link" as const),
      // Shown once to the admin to copy when no mail server is configured.
      inviteUrl: emailed ? null : url,
    };
  });
