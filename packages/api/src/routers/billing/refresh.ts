import { billingOverview, syncFromStripe } from "@greenroom/billing";

import { ownerProcedure } from "../../trpc";

/**
 * Re-reads the org's subscription from Stripe, run when the browser comes back from Checkout or
 * the portal: the page is right even if the webhook is still on its way. It reads the org's own
 * Stripe customer only, so it takes no ids from the browser.
 */
export const refreshBillingProcedure = ownerProcedure.mutation(async ({ ctx }) => {
  await syncFromStripe(ctx.db, { reason: "returned from Stripe", actor: ctx.actor });
  return billingOverview(ctx.db);
});
