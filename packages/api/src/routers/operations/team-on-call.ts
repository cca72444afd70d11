import { teamOnCall } from "@greenroom/operations";
import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { ZNamePart } from "../catalog/schemas";

/** The team page's "on call now" panel and the team's problem counts. */
export const teamOnCallProcedure = orgProcedure
  .input(z.object({ namespace: ZNamePart.default("default"), name: ZNamePart }))
  .query(({ ctx, input }) => teamOnCall(ctx.db, `group:${input.namespace}/${input.name}`.toLowerCase()));
