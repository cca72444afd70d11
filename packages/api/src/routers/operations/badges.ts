import { badgesForEntities } from "@greenroom/operations";
import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { ZEntityRef } from "./shared";

/** Badge counts for one page of the catalog table (entities with nothing to show are absent). */
export const badgesProcedure = orgProcedure
  .input(z.object({ refs: z.array(ZEntityRef).max(200, "Ask for at most 200 entities at once") }))
  .query(({ ctx, input }) => badgesForEntities(ctx.db, input.refs));
