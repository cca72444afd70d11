import { createHmac, randomUUID } from "node:crypto";

// Webhook delivery as GitHub does it: a JSON POST with X-GitHub-Event, a GUID in
// X-GitHub-Delivery, and X-Hub-Signature-256 = HMAC-SHA256 of the raw body with the secret.
// A redelivery re-sends the same body under the same GUID (so receivers can deduplicate).

export type WebhookTarget = { url: string; secret: string };

export type Delivery = {
  id: string;
  event: string;
  action: string | null;
  payload: unknown;
  body: string;
  status: number | null;
  ok: boolean;
  error: string | null;
  durationMs: number;
  deliveredAt: string;
  redelivery: boolean;
};

export function signPayload(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export class WebhookSender {
  target: WebhookTarget | null;
  private readonly log: Delivery[] = [];
  private readonly hookId: number;

  constructor(
    target: WebhookTarget | null,
    private readonly installationTarget: () => { id: number; type: "organization" | "integration" },
  ) {
    this.target = target;
    this.hookId = 9_000_000 + Math.floor(Math.random() * 1_000_000);
  }

  deliveries(): Delivery[] {
    return [...this.log];
  }

  async deliver(event: string, payload: unknown, options: { id?: string; redelivery?: boolean } = {}): Promise<Delivery> {
    const body = JSON.stringify(payload);
    const action = typeof payload === "object" && payload && "action" in payload ? String((payload as { action: unknown }).action) : null;
    const delivery: Delivery = {
      id: options.id ?? randomUUID(),
      event,
      action,
      payload,
      body,
      status: null,
      ok: false,
      error: null,
      durationMs: 0,
      deliveredAt: new Date().toISOString(),
      redelivery: options.redelivery ?? false,
    };
    this.log.push(delivery);
    if (this.log.length > 1000) this.log.shift();
    if (!this.target) {
      delivery.error = "no webhook target configured";
      return delivery;
    }
    const started = performance.now();
    const target = this.installationTarget();
    try {
      const response = await fetch(this.target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/simulator",
          "x-github-event": event,
          "x-github-delivery": delivery.id,
          "x-github-hook-id": String(this.hookId),
          "x-github-hook-installation-target-id": String(target.id),
          "x-github-hook-installation-target-type": target.type,
          "x-hub-signature": `sha1=${createHmac("sha1", this.target.secret).update(body, "utf8").digest("hex")}`,
          "x-hub-signature-256": signPayload(this.target.secret, body),
        },
        body,
        // GitHub gives a receiver 10 seconds.
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
      delivery.ok = response.ok;
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    delivery.durationMs = Math.round(performance.now() - started);
    return delivery;
  }

  async redeliver(id: string): Promise<Delivery> {
    const original = this.log.find((delivery) => delivery.id === id);
    if (!original) throw new Error(`no delivery ${id}`);
    return this.deliver(original.event, original.payload, { id: original.id, redelivery: true });
  }
}
