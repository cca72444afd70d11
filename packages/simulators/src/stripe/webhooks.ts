import { createHmac } from "node:crypto";

import { newId, type EventRecord, type StripeState } from "./state";

// Webhook deliveries, signed exactly as Stripe signs them: header
// `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the
// endpoint secret>`. The timestamp is the wall-clock time of the delivery attempt, never the
// simulated clock, so advancing the test clock does not push deliveries outside the tolerance.

export const SIMULATED_API_VERSION = "2026-10-28.endive";

export function signPayload(payload: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

export type Delivery = { eventId: string; type: string; status: number | "network-error"; attempt: number; at: string };
export type FlushOptions = { order?: "as-is" | "reverse" | "shuffle"; duplicate?: boolean };

export function eventPayload(event: EventRecord): string {
  return JSON.stringify({
    id: event.id,
    object: "event",
    api_version: SIMULATED_API_VERSION,
    created: event.created,
    data: { object: event.object, ...(event.previous ? { previous_attributes: event.previous } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: event.type,
  });
}

/**
 * The account's one webhook endpoint. Events are delivered one at a time in creation order
 * (a promise chain), unless a test holds them to release later out of order or duplicated.
 */
export class WebhookDispatcher {
  endpoint: { url: string; secret: string } | null = null;
  held = false;
  readonly deliveries: Delivery[] = [];
  private readonly pending: EventRecord[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly state: StripeState) {}

  /** Records an event (its object is a snapshot taken now) and queues its delivery. */
  emit(type: string, object: unknown, previous?: unknown): EventRecord {
    const customer = (object as { customer?: unknown }).customer;
    const created = this.state.now(typeof customer === "string" ? customer : null);
    const event: EventRecord = { id: newId("evt"), type, created, object: structuredClone(object), previous };
    this.state.events.push(event);
    if (this.held) this.pending.push(event);
    else this.chain = this.chain.then(() => this.deliver(event));
    return event;
  }

  /** Resolves once every delivery queued so far has been attempted. */
  async settled(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.chain;
      await current;
    } while (current !== this.chain);
  }

  hold(): void {
    this.held = true;
  }

  /** Delivers held events (in the order asked for, each twice if `duplicate`) and stops holding. */
  async flush(options: FlushOptions = {}): Promise<Delivery[]> {
    this.held = false;
    const events = this.pending.splice(0);
    if (options.order === "reverse") events.reverse();
    if (options.order === "shuffle") events.sort(() => Math.random() - 0.5);
    const sequence = options.duplicate ? events.flatMap((event) => [event, event]) : events;
    const before = this.deliveries.length;
    for (const event of sequence) this.chain = this.chain.then(() => this.deliver(event));
    await this.settled();
    return this.deliveries.slice(before);
  }

  /** Sends one recorded event again, as Stripe's "resend" does. */
  async redeliver(eventId: string): Promise<Delivery> {
    const event = this.state.events.find((candidate) => candidate.id === eventId);
    if (!event) throw new Error(`No such event: ${eventId}`);
    await this.settled();
    await this.deliver(event);
    return this.deliveries.at(-1)!;
  }

  private async deliver(event: EventRecord): Promise<void> {
    if (!this.endpoint) return;
    const payload = eventPayload(event);
    // Stripe retries failed deliveries for days; two quick retries keep tests fast while still
    // covering an endpoint that fails once.
    for (let attempt = 1; attempt <= 3; attempt++) {
      let status: number | "network-error";
      try {
        const response = await fetch(this.endpoint.url, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            "stripe-signature": signPayload(payload, this.endpoint.secret),
          },
          body: payload,
          signal: AbortSignal.timeout(20_000),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = "network-error";
      }
      this.deliveries.push({ eventId: event.id, type: event.type, status, attempt, at: new Date().toISOString() });
      if (typeof status === "number" && status < 500) return;
      await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
    }
  }
}
