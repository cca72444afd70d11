import type { PdIncident } from "./model";
import type { PagerdutyState } from "./state";

// The Events API v2 (`POST /v2/enqueue`, events.pagerduty.com): no API key, the event's
// `routing_key` is a service's integration key. A trigger opens an incident on that service (or
// adds an alert to the open one with the same dedup_key); acknowledge and resolve move it on.
// Answers 202 {status, message, dedup_key}; a bad event gets 400 {status: "invalid event", errors}.

export type EventsAnswer = { status: number; body: unknown; incident?: PdIncident };

const SEVERITIES = new Set(["critical", "error", "warning", "info"]);

type Event = {
  routing_key?: unknown;
  event_action?: unknown;
  dedup_key?: unknown;
  payload?: { summary?: unknown; source?: unknown; severity?: unknown; custom_details?: unknown };
};

function invalid(...errors: string[]): EventsAnswer {
  return { status: 400, body: { status: "invalid event", message: "Event object is invalid", errors } };
}

/** Parses and checks the event; `routingKeyOf` lets the pipeline rate-limit per key first. */
export function routingKeyOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as Event;
    return typeof parsed.routing_key === "string" ? parsed.routing_key : null;
  } catch {
    return null;
  }
}

export function handleEvent(state: PagerdutyState, body: string): EventsAnswer {
  let event: Event;
  try {
    event = JSON.parse(body) as Event;
  } catch {
    return invalid("Malformed JSON");
  }
  if (!event || typeof event !== "object") return invalid("Event object is missing");
  if (typeof event.routing_key !== "string" || event.routing_key === "") return invalid("'routing_key' is missing or blank");
  if (event.routing_key.length !== 32) return invalid("'routing_key' must be 32 characters");
  const service = state.serviceByIntegrationKey(event.routing_key);
  // PagerDuty checks the key asynchronously; a key it cannot route is refused here so tests see it.
  if (!service) return invalid("Invalid routing key");
  const action = event.event_action;
  if (action !== "trigger" && action !== "acknowledge" && action !== "resolve") return invalid("'event_action' must be one of trigger, acknowledge, resolve");
  const dedupKey = typeof event.dedup_key === "string" && event.dedup_key !== "" ? event.dedup_key : null;
  if (dedupKey && dedupKey.length > 255) return invalid("'dedup_key' must be at most 255 characters");

  if (action === "trigger") {
    const payload = event.payload;
    if (!payload || typeof payload !== "object") return invalid("'payload' is missing");
    const errors: string[] = [];
    if (typeof payload.summary !== "string" || payload.summary.trim() === "") errors.push("'payload.summary' is missing or blank");
    if (typeof payload.source !== "string" || payload.source.trim() === "") errors.push("'payload.source' is missing or blank");
    if (typeof payload.severity !== "string" || !SEVERITIES.has(payload.severity)) errors.push("'payload.severity' must be one of critical, error, warning, info");
    if (errors.length > 0) return invalid(...errors);
    const summary = (payload.summary as string).slice(0, 1024);
    const existing = dedupKey ? state.openIncident(service.id, dedupKey) : undefined;
    if (existing) {
      state.addAlert(existing);
      return { status: 202, body: { status: "success", message: "Event processed", dedup_key: existing.incidentKey }, incident: existing };
    }
    if (service.baseStatus === "disabled" || service.baseStatus === "maintenance") {
      // Accepted but suppressed, as PagerDuty does for a service in maintenance or disabled.
      return { status: 202, body: { status: "success", message: "Event processed", dedup_key: dedupKey ?? `suppressed-${state.version}` } };
    }
    const severity = payload.severity as string;
    const incident = state.trigger({
      serviceId: service.id,
      title: summary,
      urgency: severity === "critical" || severity === "error" ? "high" : "low",
      ...(dedupKey ? { incidentKey: dedupKey } : {}),
      description: typeof payload.custom_details === "string" ? payload.custom_details : `source: ${payload.source as string}`,
      by: { type: "service", id: service.id },
      origin: "events",
    });
    return { status: 202, body: { status: "success", message: "Event processed", dedup_key: incident.incidentKey }, incident };
  }

  if (!dedupKey) return invalid("'dedup_key' is missing or blank");
  const incident = state.openIncident(service.id, dedupKey);
  // An acknowledge or resolve for nothing open is accepted and dropped, as on PagerDuty.
  if (incident) {
    if (action === "acknowledge") state.acknowledge(incident, { type: "service", id: service.id });
    else state.resolve(incident, { type: "service", id: service.id });
  }
  return { status: 202, body: { status: "success", message: "Event processed", dedup_key: dedupKey }, ...(incident ? { incident } : {}) };
}
