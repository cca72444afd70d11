import { sendJson, type RequestContext, type Route } from "../http";
import type { StripeBilling } from "./billing";
import { bool, int, list, metadataOf, obj, parseStripeForm, str, type FormObject } from "./form";
import {
  newId,
  renderCheckoutSession,
  renderCustomer,
  renderInvoice,
  renderPortalSession,
  renderPrice,
  renderSubscription,
  type StripeState,
  type SubscriptionRecord,
} from "./state";

// The /v1 endpoints the app calls, answering in Stripe's JSON shapes and Stripe's error body
// ({ error: { type, message, param, code } }) with Stripe's status codes.

export class StripeApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly param?: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export function sendStripeError(context: RequestContext, error: unknown): void {
  const statusCode = (error as { statusCode?: number }).statusCode ?? 500;
  const type = statusCode === 401 ? "invalid_request_error" : statusCode >= 500 ? "api_error" : "invalid_request_error";
  sendJson(context.res, statusCode, {
    error: {
      type,
      message: (error as Error).message,
      ...((error as StripeApiError).param ? { param: (error as StripeApiError).param } : {}),
      ...((error as StripeApiError).code ? { code: (error as StripeApiError).code } : {}),
    },
  });
}

function missing(kind: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, `No such ${kind}: '${id}'`, param, "resource_missing");
}

function required(form: FormObject, param: string): string {
  const value = str(form[param]);
  if (!value) throw new StripeApiError(400, `Missing required param: ${param}.`, param, "parameter_missing");
  return value;
}

export type ApiDeps = { state: StripeState; billing: StripeBilling; baseUrl: () => string; secretKey: string | null };

function authenticate(context: RequestContext, secretKey: string | null): void {
  const header = context.req.headers.authorization ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7) : "";
  if (!key) throw new StripeApiError(401, "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.");
  if (secretKey ? key !== secretKey : !key.startsWith("sk_test_")) throw new StripeApiError(401, `Invalid API Key provided: ${key.slice(0, 8)}****`);
}

function respond(context: RequestContext, body: unknown): void {
  sendJson(context.res, 200, body, { "request-id": newId("req"), "stripe-version": String(context.req.headers["stripe-version"] ?? "") });
}

function subscriptionOr404(state: StripeState, id: string): SubscriptionRecord {
  const sub = state.subscriptions.get(id);
  if (!sub) throw missing("subscription", id);
  return sub;
}

export function stripeApiRoutes(deps: ApiDeps): Route[] {
  const { state, billing } = deps;
  const route = (method: Route["method"], pattern: RegExp, handle: (context: RequestContext, form: FormObject) => unknown): Route => ({
    method,
    pattern,
    handle: (context) => {
      authenticate(context, deps.secretKey);
      const form = method === "GET" || method === "DELETE" ? parseStripeForm(context.url.search.slice(1)) : parseStripeForm(context.body);
      respond(context, handle(context, form));
    },
  });

  return [
    route("POST", /^\/v1\/customers$/, (_context, form) => {
      const customer = { id: newId("cus"), email: str(form.email) ?? null, name: str(form.name) ?? null, metadata: metadataOf(form.metadata), created: state.now(), card: null, clockOffset: 0 };
      state.customers.set(customer.id, customer);
      return renderCustomer(customer);
    }),
    route("GET", /^\/v1\/customers\/([^/]+)$/, (context) => {
      const customer = state.customers.get(context.params[0]!);
      if (!customer) throw missing("customer", context.params[0]!);
      return renderCustomer(customer);
    }),
    route("GET", /^\/v1\/prices$/, () => {
      const data = [...state.prices.values()].map(renderPrice);
      return { object: "list", data, has_more: false, url: "/v1/prices" };
    }),
    route("GET", /^\/v1\/prices\/([^/]+)$/, (context) => {
      const price = state.prices.get(context.params[0]!);
      if (!price) throw missing("price", context.params[0]!);
      return renderPrice(price);
    }),
    route("POST", /^\/v1\/checkout\/sessions$/, (_context, form) => {
      const mode = required(form, "mode");
      if (mode !== "subscription") throw new StripeApiError(400, "The simulator supports subscription mode only.", "mode");
      const successUrl = required(form, "success_url");
      const customer = str(form.customer) ?? null;
      if (customer && !state.customers.has(customer)) throw missing("customer", customer, "customer");
      const lineItems = list(form.line_items).map((line, index) => {
        const price = str(obj(line).price);
        if (!price || !state.prices.has(price)) throw missing("price", price ?? "", `line_items[${index}][price]`);
        return { price, quantity: int(obj(line).quantity) ?? 1 };
      });
      if (lineItems.length === 0) throw new StripeApiError(400, "line_items is required in subscription mode.", "line_items", "parameter_missing");
      const subscriptionData = obj(form.subscription_data);
      const trialEnd = int(subscriptionData.trial_end) ?? null;
      if (trialEnd !== null && trialEnd < state.now() + 48 * 3600) {
        throw new StripeApiError(400, "The `trial_end` date has to be at least 2 days in the future.", "subscription_data[trial_end]");
      }
      const session = {
        id: newId("cs_test"),
        mode: "subscription" as const,
        status: "open" as const,
        customer,
        customerEmail: str(form.customer_email) ?? null,
        clientReferenceId: str(form.client_reference_id) ?? null,
        successUrl,
        cancelUrl: str(form.cancel_url) ?? null,
        lineItems,
        subscriptionMetadata: metadataOf(subscriptionData.metadata),
        trialEnd,
        metadata: metadataOf(form.metadata),
        subscription: null,
        created: state.now(),
        expiresAt: state.now() + 24 * 3600,
      };
      state.checkoutSessions.set(session.id, session);
      return renderCheckoutSession(session, deps.baseUrl());
    }),
    route("GET", /^\/v1\/checkout\/sessions\/([^/]+)$/, (context) => {
      const session = state.checkoutSessions.get(context.params[0]!);
      if (!session) throw missing("checkout.session", context.params[0]!, "session");
      return renderCheckoutSession(session, deps.baseUrl());
    }),
    route("POST", /^\/v1\/billing_portal\/sessions$/, (_context, form) => {
      const customer = required(form, "customer");
      if (!state.customers.has(customer)) throw missing("customer", customer, "customer");
      const session = { id: newId("bps"), customer, returnUrl: str(form.return_url) ?? deps.baseUrl(), created: state.now() };
      state.portalSessions.set(session.id, session);
      return renderPortalSession(session, deps.baseUrl());
    }),
    route("GET", /^\/v1\/subscriptions$/, (_context, form) => {
      const customer = str(form.customer);
      const status = str(form.status);
      const limit = Math.min(int(form.limit) ?? 10, 100);
      const data = [...state.subscriptions.values()]
        .filter((sub) => !customer || sub.customer === customer)
        .filter((sub) => (status === "all" ? true : status ? sub.status === status : sub.status !== "canceled"))
        .sort((a, b) => b.created - a.created)
        .slice(0, limit)
        .map((sub) => renderSubscription(state, sub));
      return { object: "list", data, has_more: false, url: "/v1/subscriptions" };
    }),
    route("GET", /^\/v1\/subscriptions\/([^/]+)$/, (context) => renderSubscription(state, subscriptionOr404(state, context.params[0]!))),
    route("POST", /^\/v1\/subscriptions\/([^/]+)$/, (context, form) => {
      const sub = subscriptionOr404(state, context.params[0]!);
      if (sub.status === "canceled") throw new StripeApiError(400, "A canceled subscription can only update its cancellation_details and metadata.");
      const item = obj(list(form.items)[0]);
      const quantity = int(item.quantity);
      const itemId = str(item.id);
      billing.update(sub, {
        quantity: itemId && quantity !== undefined ? { itemId, quantity, prorate: str(form.proration_behavior) !== "none" } : undefined,
        cancelAtPeriodEnd: bool(form.cancel_at_period_end),
        metadata: form.metadata ? metadataOf(form.metadata, sub.metadata) : undefined,
      });
      return renderSubscription(state, sub);
    }),
    route("DELETE", /^\/v1\/subscriptions\/([^/]+)$/, (context) => {
      const sub = subscriptionOr404(state, context.params[0]!);
      billing.cancelNow(sub);
      return renderSubscription(state, sub);
    }),
    route("POST", /^\/v1\/invoices\/create_preview$/, (_context, form) => {
      const subscriptionId = str(form.subscription);
      const sub = subscriptionId
        ? subscriptionOr404(state, subscriptionId)
        : [...state.subscriptions.values()].find((candidate) => candidate.customer === str(form.customer) && candidate.status !== "canceled");
      if (!sub || sub.status === "canceled" || sub.cancelAtPeriodEnd) {
        throw new StripeApiError(404, "No upcoming invoices for customer", undefined, "invoice_upcoming_none");
      }
      return renderInvoice(billing.previewInvoice(sub), true);
    }),
    route("GET", /^\/v1\/invoices\/([^/]+)$/, (context) => {
      const invoice = state.invoices.get(context.params[0]!);
      if (!invoice) throw missing("invoice", context.params[0]!);
      return renderInvoice(invoice);
    }),
    route("GET", /^\/v1\/events\/([^/]+)$/, (context) => {
      const event = state.events.find((candidate) => candidate.id === context.params[0]);
      if (!event) throw missing("event", context.params[0]!);
      return { id: event.id, object: "event", created: event.created, type: event.type, data: { object: event.object }, livemode: false };
    }),
  ];
}
