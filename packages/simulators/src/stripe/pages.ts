import { escapeHtml as h, redirect, sendHtml, type RequestContext, type Route } from "../http";
import { DECLINED_CARD, type StripeBilling } from "./billing";
import { parseStripeForm, str } from "./form";
import type { StripeState } from "./state";
import type { WebhookDispatcher } from "./webhooks";

// The hosted pages a browser is sent to: Checkout (checkout.stripe.com) and the customer portal
// (billing.stripe.com). Plain server-rendered forms, so Playwright can complete them like a
// person: type a card number, click the button. Webhooks for what the page did are delivered
// before the redirect back, which Stripe does not promise; the app re-reads Stripe on return
// anyway, so it works either way.

const STYLE = `body{font-family:system-ui,sans-serif;background:#f6f9fc;color:#1a1f36;margin:0}
main{max-width:460px;margin:48px auto;background:#fff;border-radius:8px;box-shadow:0 2px 8px #0002;padding:32px}
h1{font-size:20px;margin:0 0 4px}p{margin:4px 0 12px;color:#525f7f}label{display:block;font-size:13px;margin:12px 0 4px}
input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #cfd7df;border-radius:6px;font-size:15px}
button{margin-top:18px;width:100%;padding:12px;border:0;border-radius:6px;background:#635bff;color:#fff;font-size:15px;cursor:pointer}
button.secondary{background:#fff;color:#635bff;border:1px solid #635bff}.error{color:#df1b41;font-size:14px}
.row{display:flex;justify-content:space-between;font-size:14px;padding:6px 0;border-bottom:1px solid #eef}.badge{font-size:12px;color:#635bff}
.test{background:#ffde92;color:#5c3c00;font-size:12px;text-align:center;padding:4px}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h(title)}</title><style>${STYLE}</style></head><body><div class="test">TEST MODE · Greenroom Stripe simulator</div><main>${body}</main></body></html>`;
}

function money(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100);
}

function day(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

/** Luhn check, as Checkout validates a card number before sending it. */
function validCardNumber(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    let digit = Number(char);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  });
  return sum % 10 === 0;
}

export type PageDeps = { state: StripeState; billing: StripeBilling; webhooks: WebhookDispatcher };

export function hostedPageRoutes({ state, billing, webhooks }: PageDeps): Route[] {
  function checkoutPage(context: RequestContext, error?: string): void {
    const session = state.checkoutSessions.get(context.params[0]!);
    if (!session || session.status !== "open") {
      sendHtml(context.res, 404, page("Checkout", `<h1>This checkout session is no longer available</h1><p>It was completed or has expired.</p>`));
      return;
    }
    const lines = session.lineItems.map((line) => ({ line, price: state.prices.get(line.price)! }));
    const total = lines.reduce((sum, { line, price }) => sum + price.unitAmount * line.quantity, 0);
    const currency = lines[0]?.price.currency ?? "usd";
    const email = session.customer ? state.customers.get(session.customer)?.email : session.customerEmail;
    const trial = session.trialEnd ? `<p>Free until ${day(session.trialEnd)}, then ${money(total, currency)} per month.</p>` : `<p>${money(total, currency)} per month.</p>`;
    sendHtml(
      context.res,
      error ? 402 : 200,
      page(
        "Subscribe",
        `<h1>Subscribe to ${h(lines.map(({ price }) => price.productName).join(", "))}</h1>${trial}
        ${lines.map(({ line, price }) => `<div class="row"><span>${h(price.productName)} × ${line.quantity} seat${line.quantity === 1 ? "" : "s"}</span><span>${money(price.unitAmount * line.quantity, price.currency)}</span></div>`).join("")}
        <form method="post" action="/checkout/pay/${h(session.id)}">
          <label for="email">Email</label><input id="email" name="email" type="email" value="${h(email ?? "")}">
          <label for="cardNumber">Card number</label><input id="cardNumber" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234">
          <label for="cardExpiry">Expiration</label><input id="cardExpiry" name="card_expiry" placeholder="MM / YY">
          <label for="cardCvc">CVC</label><input id="cardCvc" name="card_cvc" placeholder="CVC">
          ${error ? `<p class="error" role="alert">${h(error)}</p>` : ""}
          <button type="submit">${session.trialEnd ? "Start subscription" : "Subscribe"}</button>
        </form>
        ${session.cancelUrl ? `<p><a href="${h(session.cancelUrl)}">← Back</a></p>` : ""}`,
      ),
    );
  }

  function portalPage(context: RequestContext, notice?: string): void {
    const session = state.portalSessions.get(context.params[0]!);
    if (!session) {
      sendHtml(context.res, 404, page("Billing", `<h1>This link has expired</h1>`));
      return;
    }
    const customer = state.customers.get(session.customer)!;
    const subs = [...state.subscriptions.values()].filter((sub) => sub.customer === customer.id && sub.status !== "canceled");
    const invoices = [...state.invoices.values()].filter((invoice) => invoice.customer === customer.id).sort((a, b) => b.created - a.created);
    const subHtml = subs
      .map((sub) => {
        const item = sub.items[0]!;
        const price = state.prices.get(item.price)!;
        const when = sub.cancelAtPeriodEnd ? `Cancels on ${day(sub.periodEnd)}` : `Renews on ${day(sub.periodEnd)}`;
        const action = sub.cancelAtPeriodEnd
          ? `<form method="post" action="/portal/${h(session.id)}/renew"><input type="hidden" name="subscription" value="${h(sub.id)}"><button type="submit">Renew plan</button></form>`
          : `<form method="post" action="/portal/${h(session.id)}/cancel"><input type="hidden" name="subscription" value="${h(sub.id)}"><button type="submit" class="secondary">Cancel plan</button></form>`;
        return `<h1>${h(price.productName)}</h1><p>${money(price.unitAmount * item.quantity, price.currency)} per month · ${item.quantity} seat${item.quantity === 1 ? "" : "s"} · <span class="badge">${h(sub.status)}</span></p><p data-testid="subscription-status">${when}</p>${action}`;
      })
      .join("<hr>");
    sendHtml(
      context.res,
      200,
      page(
        "Billing",
        `${notice ? `<p role="status"><strong>${h(notice)}</strong></p>` : ""}
        <p>${h(customer.email ?? customer.id)}</p>
        ${subHtml || "<h1>No active subscription</h1>"}
        <h2 style="font-size:16px;margin-top:24px">Payment method</h2>
        <form method="post" action="/portal/${h(session.id)}/payment-method">
          <label for="cardNumber">Card number</label><input id="cardNumber" name="card_number" inputmode="numeric" placeholder="1234 1234 1234 1234">
          <button type="submit" class="secondary">Update card</button>
        </form>
        <h2 style="font-size:16px;margin-top:24px">Invoice history</h2>
        ${invoices.map((invoice) => `<div class="row"><span>${day(invoice.created)}</span><span>${money(invoice.amountDue, invoice.currency)}</span><span>${h(invoice.status)}</span></div>`).join("") || "<p>No invoices yet.</p>"}
        <p style="margin-top:24px"><a href="${h(session.returnUrl)}">← Return to Greenroom</a></p>`,
      ),
    );
  }

  async function portalAction(context: RequestContext, act: (subscriptionId: string, form: ReturnType<typeof parseStripeForm>) => string): Promise<void> {
    const session = state.portalSessions.get(context.params[0]!);
    if (!session) return portalPage(context);
    const form = parseStripeForm(context.body);
    const sub = state.subscriptions.get(str(form.subscription) ?? "");
    if (sub && sub.customer !== session.customer) return portalPage(context, "That subscription belongs to another customer.");
    const notice = act(sub?.id ?? "", form);
    await webhooks.settled();
    portalPage(context, notice);
  }

  return [
    { method: "GET", pattern: /^\/checkout\/pay\/([^/]+)$/, handle: (context) => checkoutPage(context) },
    {
      method: "POST",
      pattern: /^\/checkout\/pay\/([^/]+)$/,
      handle: async (context) => {
        const session = state.checkoutSessions.get(context.params[0]!);
        if (!session || session.status !== "open") return checkoutPage(context);
        const form = parseStripeForm(context.body);
        const number = (str(form.card_number) ?? "").replace(/\s+/g, "");
        if (!validCardNumber(number)) return checkoutPage(context, "Your card number is invalid.");
        if (number === DECLINED_CARD) return checkoutPage(context, "Your card was declined.");
        billing.completeCheckout(session, { number, email: str(form.email) ?? null });
        await webhooks.settled();
        redirect(context.res, session.successUrl.replace("{CHECKOUT_SESSION_ID}", session.id));
      },
    },
    { method: "GET", pattern: /^\/portal\/([^/]+)$/, handle: (context) => portalPage(context) },
    {
      method: "POST",
      pattern: /^\/portal\/([^/]+)\/cancel$/,
      handle: (context) =>
        portalAction(context, (id) => {
          const sub = state.subscriptions.get(id);
          if (!sub) return "No such subscription.";
          billing.update(sub, { cancelAtPeriodEnd: true });
          return `Your plan will be canceled on ${day(sub.periodEnd)}.`;
        }),
    },
    {
      method: "POST",
      pattern: /^\/portal\/([^/]+)\/renew$/,
      handle: (context) =>
        portalAction(context, (id) => {
          const sub = state.subscriptions.get(id);
          if (!sub) return "No such subscription.";
          billing.update(sub, { cancelAtPeriodEnd: false });
          return "Your plan will renew.";
        }),
    },
    {
      method: "POST",
      pattern: /^\/portal\/([^/]+)\/payment-method$/,
      handle: async (context) => {
        const session = state.portalSessions.get(context.params[0]!);
        if (!session) return portalPage(context);
        const number = (str(parseStripeForm(context.body).card_number) ?? "").replace(/\s+/g, "");
        if (!validCardNumber(number) || number === DECLINED_CARD) return portalPage(context, "That card was declined.");
        state.customers.get(session.customer)!.card = number;
        for (const sub of state.subscriptions.values()) {
          if (sub.customer === session.customer && (sub.status === "past_due" || sub.status === "unpaid")) billing.recoverPayment(sub);
        }
        await webhooks.settled();
        portalPage(context, "Card updated.");
      },
    },
  ];
}
