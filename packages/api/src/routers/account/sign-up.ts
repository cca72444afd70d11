import { signUp, ZEmail, ZOrgName, ZOrgSlug, ZPassword, ZPersonName } from "@greenroom/accounts";
import { z } from "zod";

import { publicProcedure } from "../../trpc";

export const ZSignUpInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZPassword,
  // Absent when signing up from an invitation: the account joins that org instead.
  organization: z.object({ name: ZOrgName, slug: ZOrgSlug }).optional(),
});

export const signUpProcedure = publicProcedure
  .input(ZSignUpInput)
  .mutation(({ ctx, input }) => signUp(input, ctx.limiter, ctx.meta));
