import { adminProcedure } from "../../trpc";

export const listInvitationsProcedure = adminProcedure.query(async ({ ctx }) => {
  const pending = await ctx.db.invitations.listPending(new Date());
  return pending.map((invitation) => ({
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy?.name ?? null,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  }));
});
