import { openPortal } from "@greenroom/billing";

import { ownerProcedure } from "../../trpc";
import { billingPageUrl } from "./urls";

/** Card, invoices and cancellation live in Stripe's customer portal. */
export const openPortalProcedure = ownerProcedure.mutation(({ ctx }) =>
  openPortal(ctx.db, ctx.actor, ctx.meta, billingPageUrl(ctx.org.slug, "portal=return")),
);
