import { apiEnv } from "../../env";

/** Where Stripe's hosted pages send the browser back to: the org's billing page. */
export function billingPageUrl(orgSlug: string, query: string): string {
  const url = new URL(`/${encodeURIComponent(orgSlug)}/settings/billing`, apiEnv().APP_URL).toString();
  // Appended as text: URL would percent-encode the braces of Stripe's {CHECKOUT_SESSION_ID}
  // placeholder, and Stripe substitutes it only when written literally.
  return `${url}?${query}`;
}
