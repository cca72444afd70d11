import { createOrganization, ZOrgName, ZOrgSlug } from "@greenroom/accounts";
import { z } from "zod";

import { authedProcedure } from "../../trpc";

export const ZCreateOrganizationInput = z.object({ name: ZOrgName, slug: ZOrgSlug });

export const createOrganizationProcedure = authedProcedure
  .input(ZCreateOrganizationInput)
  .mutation(async ({ ctx, input }) => {
    const org = await createOrganization({ userId: ctx.session.userId, email: ctx.session.email }, ctx.meta, input);
    return { id: org.id, slug: org.slug, name: org.name };
  });
