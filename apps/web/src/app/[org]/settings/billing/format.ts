export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

export function formatDay(date: Date): string {
  return date.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });
}

export const STATUS_LABELS: Record<string, { label: string; tone: "emerald" | "amber" | "red" | "slate" | "sky" }> = {
  active: { label: "Active", tone: "emerald" },
  trialing: { label: "Trial", tone: "sky" },
  past_due: { label: "Payment failed", tone: "red" },
  unpaid: { label: "Unpaid", tone: "red" },
  canceled: { label: "Canceled", tone: "slate" },
  incomplete: { label: "Incomplete", tone: "amber" },
  incomplete_expired: { label: "Expired", tone: "slate" },
  paused: { label: "Paused", tone: "amber" },
};

export const EVENT_LABELS: Record<string, string> = {
  "checkout.session.completed": "Checkout completed",
  "customer.subscription.created": "Subscription created",
  "customer.subscription.updated": "Subscription updated",
  "customer.subscription.deleted": "Subscription ended",
  "invoice.paid": "Invoice paid",
  "invoice.payment_failed": "Payment failed",
};
