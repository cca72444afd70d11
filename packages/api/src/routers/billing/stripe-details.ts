import { stripeDetails } from "@greenroom/billing";

import { ownerProcedure } from "../../trpc";

/** Next invoice and seat price: the one billing read that asks Stripe, loaded after the page. */
export const billingStripeDetailsProcedure = ownerProcedure.query(({ ctx }) => stripeDetails(ctx.db));
