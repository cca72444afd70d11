import { addMonths, newId, renderCheckoutSession, renderInvoice, renderSubscription, type CheckoutSessionRecord, type InvoiceRecord, type StripeState, type SubscriptionRecord } from "./state";
import type { WebhookDispatcher } from "./webhooks";

// What Stripe Billing does on its own: turn a paid checkout into a customer + subscription,
// invoice each period, dunning when a card is declined, and end a subscription set to cancel at
// period end. Every state change emits the events Stripe would send, in Stripe's order.

export const DECLINED_CARD = "4000000000000002";
/** Attaches fine, but every later charge is declined (Stripe's test card of the same number). */
export const FAILS_LATER_CARD = "4000000000000341";

export class StripeBilling {
  constructor(
    private readonly state: StripeState,
    private readonly webhooks: WebhookDispatcher,
    private readonly baseUrl: () => string,
  ) {}

  private periodAmount(sub: SubscriptionRecord): number {
    return sub.items.reduce((sum, item) => sum + (this.state.prices.get(item.price)?.unitAmount ?? 0) * item.quantity, 0);
  }

  private currency(sub: SubscriptionRecord): string {
    return this.state.prices.get(sub.items[0]?.price ?? "")?.currency ?? "usd";
  }

  /** The invoice the next period would produce (what invoices/create_preview answers). */
  previewInvoice(sub: SubscriptionRecord): InvoiceRecord {
    const amount = this.periodAmount(sub) + sub.pendingProration;
    return {
      id: newId("in"),
      customer: sub.customer,
      subscription: sub.id,
      status: "draft",
      amountDue: amount,
      amountPaid: 0,
      currency: this.currency(sub),
      periodStart: sub.periodEnd,
      periodEnd: addMonths(sub.periodEnd, 1),
      attemptCount: 0,
      nextPaymentAttempt: sub.periodEnd,
      billingReason: "upcoming",
      created: this.state.now(sub.customer),
      lines: sub.items.map((item) => ({ description: `${item.quantity} × seat`, amount: (this.state.prices.get(item.price)?.unitAmount ?? 0) * item.quantity, quantity: item.quantity, price: item.price })),
    };
  }

  /** Charges an invoice against the customer's card; declines follow the subscription's flag. */
  private charge(sub: SubscriptionRecord, invoice: InvoiceRecord): boolean {
    invoice.attemptCount += 1;
    const customer = this.state.customers.get(sub.customer);
    const declined = invoice.amountDue > 0 && (sub.declinePayments || customer?.card === FAILS_LATER_CARD);
    if (declined) {
      invoice.status = "open";
      invoice.nextPaymentAttempt = this.state.now(sub.customer) + 3 * 24 * 3600;
      return false;
    }
    invoice.status = "paid";
    invoice.amountPaid = invoice.amountDue;
    invoice.nextPaymentAttempt = null;
    return true;
  }

  private invoiceFor(sub: SubscriptionRecord, reason: string, amount: number): InvoiceRecord {
    const invoice: InvoiceRecord = {
      id: newId("in"),
      customer: sub.customer,
      subscription: sub.id,
      status: "open",
      amountDue: amount,
      amountPaid: 0,
      currency: this.currency(sub),
      periodStart: sub.periodStart,
      periodEnd: sub.periodEnd,
      attemptCount: 0,
      nextPaymentAttempt: null,
      billingReason: reason,
      created: this.state.now(sub.customer),
      lines: sub.items.map((item) => ({ description: `${item.quantity} × seat`, amount: (this.state.prices.get(item.price)?.unitAmount ?? 0) * item.quantity, quantity: item.quantity, price: item.price })),
    };
    this.state.invoices.set(invoice.id, invoice);
    sub.latestInvoice = invoice.id;
    return invoice;
  }

  private emitInvoiceOutcome(sub: SubscriptionRecord, invoice: InvoiceRecord, paid: boolean): void {
    this.webhooks.emit("invoice.finalized", renderInvoice(invoice));
    if (paid) {
      this.webhooks.emit("invoice.paid", renderInvoice(invoice));
      this.webhooks.emit("invoice.payment_succeeded", renderInvoice(invoice));
    } else {
      this.webhooks.emit("invoice.payment_failed", renderInvoice(invoice));
    }
    void sub;
  }

  /** The hosted checkout page's "Pay": creates the customer and subscription, then completes. */
  completeCheckout(session: CheckoutSessionRecord, card: { number: string; email: string | null }): SubscriptionRecord {
    let customerId = session.customer;
    if (!customerId) {
      customerId = newId("cus");
      this.state.customers.set(customerId, { id: customerId, email: card.email ?? session.customerEmail, name: null, metadata: {}, created: this.state.now(), card: null, clockOffset: 0 });
    }
    const now = this.state.now(customerId);
    const customer = this.state.customers.get(customerId)!;
    customer.card = card.number;
    const trialing = session.trialEnd !== null && session.trialEnd > now;
    const sub: SubscriptionRecord = {
      id: newId("sub"),
      customer: customerId,
      status: trialing ? "trialing" : "active",
      items: session.lineItems.map((line) => ({ id: newId("si"), price: line.price, quantity: line.quantity, created: now })),
      periodStart: now,
      periodEnd: trialing ? session.trialEnd! : addMonths(now, 1),
      cancelAtPeriodEnd: false,
      canceledAt: null,
      endedAt: null,
      trialStart: trialing ? now : null,
      trialEnd: trialing ? session.trialEnd : null,
      metadata: session.subscriptionMetadata,
      created: now,
      latestInvoice: null,
      declinePayments: false,
      pendingProration: 0,
    };
    this.state.subscriptions.set(sub.id, sub);
    const invoice = this.invoiceFor(sub, "subscription_create", trialing ? 0 : this.periodAmount(sub));
    // A first charge at checkout only fails for the declined card, which the page refuses
    // before getting here; the "fails later" card is charged fine at sign-up, like Stripe's.
    invoice.status = "paid";
    invoice.amountPaid = invoice.amountDue;
    invoice.attemptCount = 1;
    session.status = "complete";
    session.customer = customerId;
    session.subscription = sub.id;
    this.webhooks.emit("customer.subscription.created", renderSubscription(this.state, sub));
    this.emitInvoiceOutcome(sub, invoice, true);
    this.webhooks.emit("checkout.session.completed", renderCheckoutSession(session, this.baseUrl()));
    return sub;
  }

  update(sub: SubscriptionRecord, change: { quantity?: { itemId: string; quantity: number; prorate: boolean }; cancelAtPeriodEnd?: boolean; metadata?: Record<string, string> }): void {
    const before = renderSubscription(this.state, sub);
    const previous: Record<string, unknown> = {};
    if (change.quantity) {
      const item = sub.items.find((candidate) => candidate.id === change.quantity!.itemId);
      if (!item) throw Object.assign(new Error(`No such subscription item: '${change.quantity.itemId}'`), { statusCode: 400, param: "items" });
      if (item.quantity !== change.quantity.quantity) {
        previous.items = before.items;
        if (change.quantity.prorate && sub.status !== "trialing") {
          const remaining = Math.max(0, sub.periodEnd - this.state.now(sub.customer)) / Math.max(1, sub.periodEnd - sub.periodStart);
          const unit = this.state.prices.get(item.price)?.unitAmount ?? 0;
          sub.pendingProration += Math.round((change.quantity.quantity - item.quantity) * unit * remaining);
        }
        item.quantity = change.quantity.quantity;
      }
    }
    if (change.cancelAtPeriodEnd !== undefined && change.cancelAtPeriodEnd !== sub.cancelAtPeriodEnd) {
      previous.cancel_at_period_end = sub.cancelAtPeriodEnd;
      sub.cancelAtPeriodEnd = change.cancelAtPeriodEnd;
      sub.canceledAt = change.cancelAtPeriodEnd ? this.state.now(sub.customer) : null;
    }
    if (change.metadata) {
      previous.metadata = sub.metadata;
      sub.metadata = change.metadata;
    }
    if (Object.keys(previous).length) this.webhooks.emit("customer.subscription.updated", renderSubscription(this.state, sub), previous);
  }

  cancelNow(sub: SubscriptionRecord): void {
    sub.status = "canceled";
    sub.endedAt = this.state.now(sub.customer);
    sub.canceledAt ??= sub.endedAt;
    this.webhooks.emit("customer.subscription.deleted", renderSubscription(this.state, sub));
  }

  /** A renewal charge is declined now: invoice.payment_failed, subscription past_due. */
  failPayment(sub: SubscriptionRecord): InvoiceRecord {
    sub.declinePayments = true;
    const invoice = this.invoiceFor(sub, "subscription_cycle", this.periodAmount(sub));
    this.charge(sub, invoice);
    const previous = { status: sub.status };
    sub.status = "past_due";
    this.emitInvoiceOutcome(sub, invoice, false);
    this.webhooks.emit("customer.subscription.updated", renderSubscription(this.state, sub), previous);
    return invoice;
  }

  /** The customer fixed their card: open invoices are paid and the subscription is active again. */
  recoverPayment(sub: SubscriptionRecord): void {
    sub.declinePayments = false;
    for (const invoice of this.state.invoices.values()) {
      if (invoice.subscription !== sub.id || invoice.status !== "open") continue;
      this.charge(sub, invoice);
      this.emitInvoiceOutcome(sub, invoice, true);
    }
    if (sub.status === "past_due" || sub.status === "unpaid") {
      const previous = { status: sub.status };
      sub.status = "active";
      this.webhooks.emit("customer.subscription.updated", renderSubscription(this.state, sub), previous);
    }
  }

  /** Runs every period boundary that each subscription's (advanced) clock has passed. */
  runDue(): void {
    for (const sub of this.state.subscriptions.values()) {
      while (sub.status !== "canceled" && sub.periodEnd <= this.state.now(sub.customer)) {
        if (sub.cancelAtPeriodEnd) {
          sub.status = "canceled";
          sub.endedAt = sub.periodEnd;
          this.webhooks.emit("customer.subscription.deleted", renderSubscription(this.state, sub));
          break;
        }
        const previous = { status: sub.status, items: renderSubscription(this.state, sub).items };
        sub.periodStart = sub.periodEnd;
        sub.periodEnd = addMonths(sub.periodEnd, 1);
        const invoice = this.invoiceFor(sub, "subscription_cycle", this.periodAmount(sub) + sub.pendingProration);
        sub.pendingProration = 0;
        const paid = this.charge(sub, invoice);
        sub.status = paid ? "active" : "past_due";
        this.emitInvoiceOutcome(sub, invoice, paid);
        this.webhooks.emit("customer.subscription.updated", renderSubscription(this.state, sub), previous);
      }
    }
  }
}
