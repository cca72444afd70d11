import { billingOverview } from "@greenroom/billing";

import { ownerProcedure } from "../../trpc";

/** The billing page, from Postgres only: plan, seats, trial, subscription state, recent events. */
export const billingOverviewProcedure = ownerProcedure.query(({ ctx }) => billingOverview(ctx.db));
