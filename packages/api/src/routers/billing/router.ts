import { router } from "../../trpc";
import { openPortalProcedure } from "./open-portal";
import { billingOverviewProcedure } from "./overview";
import { refreshBillingProcedure } from "./refresh";
import { startCheckoutProcedure } from "./start-checkout";
import { billingStripeDetailsProcedure } from "./stripe-details";

/** Owners only: billing changes what the org pays. */
export const billingRouter = router({
  overview: billingOverviewProcedure,
  stripeDetails: billingStripeDetailsProcedure,
  startCheckout: startCheckoutProcedure,
  openPortal: openPortalProcedure,
  refresh: refreshBillingProcedure,
});
