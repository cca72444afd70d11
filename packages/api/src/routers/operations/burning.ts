import { whatIsBurning } from "@greenroom/operations";

import { orgProcedure } from "../../trpc";

/** Open incidents and alerting monitors across the org, grouped by owning team. */
export const burningProcedure = orgProcedure.query(({ ctx }) => whatIsBurning(ctx.db));
