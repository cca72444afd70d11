import { stripeWebhookResponse } from "@greenroom/billing";

// Stripe's webhook. The signature covers the exact bytes Stripe sent, so the body is read as
// raw text (never parsed and re-serialised) and verified with stripe.webhooks.constructEvent in
// packages/billing, which also dedupes by event id and applies the event.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const rawBody = await request.text();
  return stripeWebhookResponse(rawBody, request.headers.get("stripe-signature"));
}
