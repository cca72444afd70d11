import { randomBytes } from "node:crypto";

// The simulator's in-memory Stripe account: records as the simulator keeps them, and the
// functions that render them in the shape Stripe's API returns (API version 2026-10-28 and the
// "basil" changes before it: billing periods live on subscription items, an invoice names its
// subscription under parent.subscription_details). Only fields the app or the SDK could read
// are filled; the rest of Stripe's objects are left out rather than invented.

export type PriceRecord = { id: string; product: string; productName: string; unitAmount: number; currency: string; interval: "month" | "year"; created: number };
export type CustomerRecord = { id: string; email: string | null; name: string | null; metadata: Record<string, string>; created: number; card: string | null; clockOffset: number };
export type ItemRecord = { id: string; price: string; quantity: number; created: number };
export type SubscriptionRecord = {
  id: string;
  customer: string;
  status: "trialing" | "active" | "past_due" | "unpaid" | "canceled" | "incomplete";
  items: ItemRecord[];
  periodStart: number;
  periodEnd: number;
  cancelAtPeriodEnd: boolean;
  canceledAt: number | null;
  endedAt: number | null;
  trialStart: number | null;
  trialEnd: number | null;
  metadata: Record<string, string>;
  created: number;
  latestInvoice: string | null;
  /** Set by a test control: the next charges of this subscription are declined. */
  declinePayments: boolean;
  /** Proration amounts (cents) queued for the next invoice by quantity changes. */
  pendingProration: number;
};
export type InvoiceRecord = {
  id: string;
  customer: string;
  subscription: string | null;
  status: "draft" | "open" | "paid" | "void";
  amountDue: number;
  amountPaid: number;
  currency: string;
  periodStart: number;
  periodEnd: number;
  attemptCount: number;
  nextPaymentAttempt: number | null;
  billingReason: string;
  created: number;
  lines: { description: string; amount: number; quantity: number; price: string }[];
};
export type CheckoutSessionRecord = {
  id: string;
  mode: "subscription" | "payment" | "setup";
  status: "open" | "complete" | "expired";
  customer: string | null;
  customerEmail: string | null;
  clientReferenceId: string | null;
  successUrl: string;
  cancelUrl: string | null;
  lineItems: { price: string; quantity: number }[];
  subscriptionMetadata: Record<string, string>;
  trialEnd: number | null;
  metadata: Record<string, string>;
  subscription: string | null;
  created: number;
  expiresAt: number;
};
export type PortalSessionRecord = { id: string; customer: string; returnUrl: string; created: number };
export type EventRecord = { id: string; type: string; created: number; object: unknown; previous?: unknown };

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
}

export class StripeState {
  /**
   * Seconds added to the wall clock: for the whole account, plus per customer (like Stripe's
   * test clocks, which are attached to customers), so one test advancing its customer's time
   * does not move anyone else's.
   */
  clockOffset = 0;
  readonly prices = new Map<string, PriceRecord>();
  readonly customers = new Map<string, CustomerRecord>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly invoices = new Map<string, InvoiceRecord>();
  readonly checkoutSessions = new Map<string, CheckoutSessionRecord>();
  readonly portalSessions = new Map<string, PortalSessionRecord>();
  readonly events: EventRecord[] = [];

  now(customerId?: string | null): number {
    const customer = customerId ? this.customers.get(customerId) : undefined;
    return Math.floor(Date.now() / 1000) + this.clockOffset + (customer?.clockOffset ?? 0);
  }
}

export function addMonths(unixSeconds: number, months: number): number {
  const date = new Date(unixSeconds * 1000);
  date.setUTCMonth(date.getUTCMonth() + months);
  return Math.floor(date.getTime() / 1000);
}

export function renderPrice(price: PriceRecord) {
  return {
    id: price.id,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    livemode: false,
    lookup_key: null,
    metadata: {},
    nickname: price.productName,
    product: price.product,
    recurring: { interval: price.interval, interval_count: 1, usage_type: "licensed", meter: null, trial_period_days: null },
    tax_behavior: "unspecified",
    type: "recurring",
    unit_amount: price.unitAmount,
    unit_amount_decimal: String(price.unitAmount),
  };
}

export function renderCustomer(customer: CustomerRecord) {
  return {
    id: customer.id,
    object: "customer",
    balance: 0,
    created: customer.created,
    currency: "usd",
    delinquent: false,
    description: null,
    email: customer.email,
    invoice_prefix: customer.id.slice(4, 12).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: customer.card ? `pm_${customer.id.slice(4)}` : null, footer: null, rendering_options: null },
    livemode: false,
    metadata: customer.metadata,
    name: customer.name,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
}

export function renderSubscription(state: StripeState, sub: SubscriptionRecord) {
  const items = sub.items.map((item) => {
    const price = state.prices.get(item.price)!;
    return {
      id: item.id,
      object: "subscription_item",
      billing_thresholds: null,
      created: item.created,
      current_period_end: sub.periodEnd,
      current_period_start: sub.periodStart,
      current_trial: null,
      discounts: [],
      metadata: {},
      plan: { id: price.id, object: "plan", active: true, amount: price.unitAmount, currency: price.currency, interval: price.interval, interval_count: 1, product: price.product, usage_type: "licensed" },
      price: renderPrice(price),
      quantity: item.quantity,
      subscription: sub.id,
      tax_rates: [],
    };
  });
  return {
    id: sub.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: sub.periodStart,
    billing_cycle_anchor_config: null,
    billing_mode: { type: "flexible" },
    billing_thresholds: null,
    cancel_at: sub.cancelAtPeriodEnd ? sub.periodEnd : null,
    cancel_at_period_end: sub.cancelAtPeriodEnd,
    canceled_at: sub.canceledAt,
    cancellation_details: { comment: null, feedback: null, reason: sub.canceledAt ? "cancellation_requested" : null },
    collection_method: "charge_automatically",
    created: sub.created,
    currency: state.prices.get(sub.items[0]?.price ?? "")?.currency ?? "usd",
    customer: sub.customer,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    description: null,
    discounts: [],
    ended_at: sub.endedAt,
    invoice_settings: { account_tax_ids: null, issuer: { type: "self" } },
    items: { object: "list", data: items, has_more: false, total_count: items.length, url: `/v1/subscription_items?subscription=${sub.id}` },
    latest_invoice: sub.latestInvoice,
    livemode: false,
    metadata: sub.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: sub.created,
    status: sub.status,
    test_clock: null,
    transfer_data: null,
    trial_end: sub.trialEnd,
    trial_settings: { end_behavior: { missing_payment_method: "create_invoice" } },
    trial_start: sub.trialStart,
  };
}

export function renderInvoice(invoice: InvoiceRecord, preview = false) {
  return {
    id: preview ? `upcoming_${invoice.id}` : invoice.id,
    object: "invoice",
    amount_due: invoice.amountDue,
    amount_paid: invoice.amountPaid,
    amount_remaining: invoice.amountDue - invoice.amountPaid,
    attempt_count: invoice.attemptCount,
    attempted: invoice.attemptCount > 0,
    billing_reason: invoice.billingReason,
    collection_method: "charge_automatically",
    created: invoice.created,
    currency: invoice.currency,
    customer: invoice.customer,
    hosted_invoice_url: null,
    lines: {
      object: "list",
      data: invoice.lines.map((line, index) => ({ id: `il_${invoice.id.slice(3)}_${index}`, object: "line_item", amount: line.amount, currency: invoice.currency, description: line.description, quantity: line.quantity, period: { start: invoice.periodStart, end: invoice.periodEnd }, pricing: { price_details: { price: line.price, product: null }, type: "price_details" } })),
      has_more: false,
      url: `/v1/invoices/${invoice.id}/lines`,
    },
    livemode: false,
    metadata: {},
    next_payment_attempt: invoice.nextPaymentAttempt,
    number: preview ? null : `${invoice.id.slice(3, 11).toUpperCase()}-0001`,
    parent: invoice.subscription
      ? { quote_details: null, subscription_details: { metadata: {}, subscription: invoice.subscription }, type: "subscription_details" }
      : null,
    period_end: invoice.periodEnd,
    period_start: invoice.periodStart,
    status: invoice.status,
    status_transitions: { finalized_at: preview ? null : invoice.created, paid_at: invoice.status === "paid" ? invoice.created : null, voided_at: null, marked_uncollectible_at: null },
    subtotal: invoice.amountDue,
    total: invoice.amountDue,
  };
}

export function renderCheckoutSession(session: CheckoutSessionRecord, baseUrl: string) {
  return {
    id: session.id,
    object: "checkout.session",
    amount_subtotal: null,
    amount_total: null,
    cancel_url: session.cancelUrl,
    client_reference_id: session.clientReferenceId,
    created: session.created,
    currency: "usd",
    customer: session.customer,
    customer_email: session.customerEmail,
    expires_at: session.expiresAt,
    invoice: null,
    livemode: false,
    metadata: session.metadata,
    mode: session.mode,
    payment_status: session.status === "complete" ? (session.trialEnd ? "no_payment_required" : "paid") : "unpaid",
    status: session.status,
    subscription: session.subscription,
    success_url: session.successUrl,
    ui_mode: "hosted",
    url: session.status === "open" ? `${baseUrl}/checkout/pay/${session.id}` : null,
  };
}

export function renderPortalSession(session: PortalSessionRecord, baseUrl: string) {
  return {
    id: session.id,
    object: "billing_portal.session",
    configuration: "bpc_simulator",
    created: session.created,
    customer: session.customer,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: session.returnUrl,
    url: `${baseUrl}/portal/${session.id}`,
  };
}
