import { changeMemberRole, ZRole } from "@greenroom/accounts";
import { z } from "zod";

import { adminProcedure } from "../../trpc";

export const ZChangeMemberRoleInput = z.object({ userId: z.uuid("Choose a member"), role: ZRole });

export const changeMemberRoleProcedure = adminProcedure
  .input(ZChangeMemberRoleInput)
  .mutation(async ({ ctx, input }) => {
    const member = await changeMemberRole(ctx.db, ctx.actor, ctx.meta, input);
    return { userId: member.userId, role: member.role };
  });
