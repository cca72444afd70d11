import { startCheckout } from "@greenroom/billing";

import { ownerProcedure } from "../../trpc";
import { billingPageUrl } from "./urls";

/** Upgrade to Team: returns the Stripe Checkout page to send the browser to. */
export const startCheckoutProcedure = ownerProcedure.mutation(({ ctx }) =>
  startCheckout(ctx.db, ctx.actor, ctx.meta, {
    successUrl: billingPageUrl(ctx.org.slug, "checkout=success&session_id={CHECKOUT_SESSION_ID}"),
    cancelUrl: billingPageUrl(ctx.org.slug, "checkout=canceled"),
  }),
);
