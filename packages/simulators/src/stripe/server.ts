import { createRouter, sendJson, startLoopbackServer, type RequestContext, type Route } from "../http";
import { sendStripeError, StripeApiError, stripeApiRoutes } from "./api";
import { StripeBilling } from "./billing";
import { hostedPageRoutes } from "./pages";
import { newId, StripeState, type SubscriptionRecord } from "./state";
import { WebhookDispatcher, type Delivery, type FlushOptions } from "./webhooks";

// A Stripe account on loopback: the /v1 API the stripe SDK talks to (point it here with
// `host`/`port`/`protocol`), the hosted Checkout and portal pages, signed webhooks, and
// /_sim/* test controls (clock, payment failure, held/out-of-order/duplicated delivery) that
// both an in-process test (the returned object) and a browser test (HTTP) can drive.

export type StripeSimulatorOptions = {
  port?: number;
  /** When set, API calls must use exactly this key (else any sk_test_… key is accepted). */
  secretKey?: string;
  webhook?: { url: string; secret: string };
  /** Prices to create at start; the default is Greenroom's Team seat price. */
  prices?: { id: string; productName: string; unitAmount: number; currency?: string }[];
};

export type StripeSimulator = {
  url: string;
  host: string;
  port: number;
  state: StripeState;
  setWebhook(endpoint: { url: string; secret: string } | null): void;
  holdWebhooks(): void;
  flushWebhooks(options?: FlushOptions): Promise<Delivery[]>;
  redeliver(eventId: string): Promise<Delivery>;
  deliveries(): Delivery[];
  /** Waits until every webhook queued so far has been attempted. */
  settled(): Promise<void>;
  /**
   * Moves time forward (the whole account by `seconds`, or one subscription's customer to just
   * past its period end), running renewals and period-end cancellations that fall due.
   */
  advanceClock(to: { seconds: number } | { toPeriodEndOf: string }): Promise<void>;
  failPayment(subscriptionId: string): Promise<void>;
  recoverPayment(subscriptionId: string): Promise<void>;
  close(): Promise<void>;
};

export const DEFAULT_PRICES = [{ id: "price_team_monthly", productName: "Greenroom Team", unitAmount: 1200, currency: "usd" }];

function subscriptionOr404(state: StripeState, id: string): SubscriptionRecord {
  const sub = state.subscriptions.get(id);
  if (!sub) throw new StripeApiError(404, `No such subscription: '${id}'`);
  return sub;
}

export async function startStripeSimulator(options: StripeSimulatorOptions = {}): Promise<StripeSimulator> {
  const state = new StripeState();
  const webhooks = new WebhookDispatcher(state);
  webhooks.endpoint = options.webhook ?? null;
  let baseUrl = "";
  const billing = new StripeBilling(state, webhooks, () => baseUrl);
  for (const price of options.prices ?? DEFAULT_PRICES) {
    const product = newId("prod");
    state.prices.set(price.id, { id: price.id, product, productName: price.productName, unitAmount: price.unitAmount, currency: price.currency ?? "usd", interval: "month", created: state.now() });
  }

  const controls = {
    async advanceClock(to: { seconds: number } | { toPeriodEndOf: string }) {
      if ("seconds" in to) {
        state.clockOffset += Math.max(0, to.seconds);
      } else {
        // Only this subscription's customer moves, as with a Stripe test clock.
        const sub = subscriptionOr404(state, to.toPeriodEndOf);
        const customer = state.customers.get(sub.customer)!;
        customer.clockOffset += Math.max(0, sub.periodEnd + 1 - state.now(sub.customer));
      }
      billing.runDue();
      await webhooks.settled();
    },
    async failPayment(id: string) {
      billing.failPayment(subscriptionOr404(state, id));
      await webhooks.settled();
    },
    async recoverPayment(id: string) {
      billing.recoverPayment(subscriptionOr404(state, id));
      await webhooks.settled();
    },
  };

  const json = (context: RequestContext): Record<string, unknown> => (context.body ? (JSON.parse(context.body) as Record<string, unknown>) : {});
  const control = (pattern: RegExp, handle: (context: RequestContext) => Promise<unknown> | unknown): Route => ({
    method: "POST",
    pattern,
    handle: async (context) => sendJson(context.res, 200, (await handle(context)) ?? { ok: true }),
  });
  const controlRoutes: Route[] = [
    control(/^\/_sim\/clock\/advance$/, async (context) => {
      const body = json(context);
      await controls.advanceClock(typeof body.subscription === "string" ? { toPeriodEndOf: body.subscription } : { seconds: Number(body.seconds ?? 0) });
      return { now: state.now(typeof body.subscription === "string" ? state.subscriptions.get(body.subscription)?.customer : null) };
    }),
    control(/^\/_sim\/subscriptions\/([^/]+)\/fail-payment$/, (context) => controls.failPayment(context.params[0]!)),
    control(/^\/_sim\/subscriptions\/([^/]+)\/recover-payment$/, (context) => controls.recoverPayment(context.params[0]!)),
    control(/^\/_sim\/webhooks\/hold$/, () => webhooks.hold()),
    control(/^\/_sim\/webhooks\/flush$/, (context) => webhooks.flush(json(context) as FlushOptions)),
    control(/^\/_sim\/webhooks\/redeliver$/, (context) => webhooks.redeliver(String(json(context).eventId))),
    control(/^\/_sim\/webhooks\/endpoint$/, (context) => {
      const body = json(context);
      webhooks.endpoint = typeof body.url === "string" && typeof body.secret === "string" ? { url: body.url, secret: body.secret } : null;
    }),
    {
      method: "GET",
      pattern: /^\/_sim\/state$/,
      handle: (context) =>
        sendJson(context.res, 200, {
          now: state.now(),
          subscriptions: [...state.subscriptions.values()],
          customers: [...state.customers.values()].map(({ card: _card, ...customer }) => customer),
          events: state.events.map(({ id, type, created }) => ({ id, type, created })),
          deliveries: webhooks.deliveries,
        }),
    },
  ];

  const handler = createRouter([...stripeApiRoutes({ state, billing, baseUrl: () => baseUrl, secretKey: options.secretKey ?? null }), ...hostedPageRoutes({ state, billing, webhooks }), ...controlRoutes], {
    notFound: (context) => sendStripeError(context, new StripeApiError(404, `Unrecognized request URL (${context.req.method}: ${context.url.pathname}).`)),
    onError: (context, error) => sendStripeError(context, error),
  });
  const server = await startLoopbackServer(handler, options.port);
  baseUrl = server.url;

  return {
    url: server.url,
    host: server.host,
    port: server.port,
    state,
    setWebhook: (endpoint) => void (webhooks.endpoint = endpoint),
    holdWebhooks: () => webhooks.hold(),
    flushWebhooks: (flush) => webhooks.flush(flush),
    redeliver: (eventId) => webhooks.redeliver(eventId),
    deliveries: () => webhooks.deliveries,
    settled: () => webhooks.settled(),
    ...controls,
    close: async () => {
      await webhooks.settled();
      await server.close();
    },
  };
}
