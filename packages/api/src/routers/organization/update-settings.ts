import { updateOrganizationSettings, ZOrgName } from "@greenroom/accounts";
import { z } from "zod";

import { adminProcedure } from "../../trpc";

export const ZUpdateOrganizationSettingsInput = z.object({ name: ZOrgName });

export const updateOrganizationSettingsProcedure = adminProcedure
  .input(ZUpdateOrganizationSettingsInput)
  .mutation(async ({ ctx, input }) => {
    const org = await updateOrganizationSettings(ctx.db, ctx.actor, ctx.meta, input);
    return { id: org.id, slug: org.slug, name: org.name };
  });
