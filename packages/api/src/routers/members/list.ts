import { orgProcedure } from "../../trpc";

export const listMembersProcedure = orgProcedure.query(async ({ ctx }) => {
  const members = await ctx.db.memberships.list();
  return members.map((member) => ({
    userId: member.userId,
    name: member.user.name,
    email: member.user.email,
    avatarUrl: member.user.avatarUrl,
    role: member.role,
    joinedAt: member.createdAt,
    isMe: member.userId === ctx.actor.userId,
  }));
});
