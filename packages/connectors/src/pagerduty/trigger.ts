import type { ConnectorContext } from "../framework/connector";
import { PermanentError } from "../framework/errors";
import { pagerdutyRequest, withQuery } from "./client";
import { pagerdutyConfig } from "./listing";

// "Trigger incident" from an entity page: through the Events API v2 when the service's
// integration key is known (no API key needed, dedup by key), else through REST POST /incidents,
// which PagerDuty attributes to a user named in the `From` header.

export type TriggerPagerdutyIncidentInput = {
  /** The service's Events API v2 integration key: when given, the Events API is used. */
  integrationKey?: string;
  /** The PagerDuty service id, for REST when no integration key is known. */
  serviceId?: string;
  summary: string;
  /** The person asking (their email must belong to a PagerDuty user for REST, else config.fromEmail is used). */
  requesterEmail: string;
  /** Where the problem is (the entity's name, a host): Events API `payload.source`. */
  source: string;
  dedupKey?: string;
  severity?: "critical" | "error" | "warning" | "info";
  urgency?: "high" | "low";
  details?: string;
};

export type TriggeredIncident = {
  via: "events" | "rest";
  /** The dedup key (Events API) or the incident's incident_key (REST): resolving by it finds this incident. */
  dedupKey: string | null;
  /** REST only: the incident PagerDuty created. */
  incidentId: string | null;
  incidentNumber: number | null;
  htmlUrl: string | null;
  message: string;
};

type EventsAnswer = { status?: string; message?: string; dedup_key?: string; errors?: string[] };
type RestAnswer = { incident?: { id: string; incident_number: number; incident_key?: string; html_url?: string }; error?: { message?: string; errors?: string[] } };

async function viaEvents(context: ConnectorContext, input: TriggerPagerdutyIncidentInput & { integrationKey: string }): Promise<TriggeredIncident> {
  const config = pagerdutyConfig(context);
  const answer = await pagerdutyRequest<EventsAnswer>(context, {
    url: withQuery(config.eventsUrl, "/v2/enqueue"),
    method: "POST",
    auth: false,
    what: "sending the event to PagerDuty's Events API",
    expect: [400],
    body: {
      routing_key: input.integrationKey,
      event_action: "trigger",
      ...(input.dedupKey ? { dedup_key: input.dedupKey } : {}),
      payload: {
        summary: input.summary.slice(0, 1024),
        source: input.source.slice(0, 255),
        severity: input.severity ?? "error",
        custom_details: { requested_by: input.requesterEmail, ...(input.details ? { details: input.details } : {}) },
      },
      client: "Greenroom",
    },
  });
  if (answer.status === 400) {
    const reasons = answer.body?.errors?.join("; ") || answer.body?.message || "invalid event";
    throw new PermanentError(`PagerDuty's Events API refused the event: ${reasons}. Check the service's integration key (Events API v2).`);
  }
  const dedupKey = answer.body?.dedup_key ?? input.dedupKey ?? null;
  return { via: "events", dedupKey, incidentId: null, incidentNumber: null, htmlUrl: null, message: `PagerDuty accepted the event (dedup key ${dedupKey ?? "unknown"}); the incident opens on the service within seconds.` };
}

async function viaRest(context: ConnectorContext, input: TriggerPagerdutyIncidentInput & { serviceId: string }): Promise<TriggeredIncident> {
  const config = pagerdutyConfig(context);
  const send = (from: string) =>
    pagerdutyRequest<RestAnswer>(context, {
      url: withQuery(config.baseUrl, "/incidents"),
      method: "POST",
      headers: { from },
      what: "creating the incident",
      expect: [400],
      body: {
        incident: {
          type: "incident",
          title: input.summary.slice(0, 1024),
          service: { id: input.serviceId, type: "service_reference" },
          urgency: input.urgency ?? "high",
          ...(input.dedupKey ? { incident_key: input.dedupKey } : {}),
          body: { type: "incident_body", details: `${input.details ? `${input.details}\n\n` : ""}Triggered from Greenroom by ${input.requesterEmail} (source: ${input.source}).` },
        },
      },
    });
  let answer = await send(input.requesterEmail);
  const reasons = (body: RestAnswer | null) => [body?.error?.message, ...(body?.error?.errors ?? [])].filter(Boolean).join(": ");
  // The person asking may have no PagerDuty user: the integration's configured requester stands in.
  if (answer.status === 400 && /requester|from/i.test(reasons(answer.body)) && config.fromEmail && config.fromEmail.toLowerCase() !== input.requesterEmail.toLowerCase()) {
    answer = await send(config.fromEmail);
  }
  if (answer.status === 400) {
    const why = reasons(answer.body) || "invalid request";
    const hint = /requester|from/i.test(why) ? ` PagerDuty needs the email of one of its users in the From header: ${input.requesterEmail} is not one${config.fromEmail ? `, nor is ${config.fromEmail}` : "; set a requester email in the integration's settings"}.` : "";
    throw new PermanentError(`PagerDuty refused to create the incident: ${why}.${hint}`);
  }
  const incident = answer.body?.incident;
  if (!incident) throw new PermanentError("PagerDuty answered without the created incident");
  return {
    via: "rest",
    dedupKey: incident.incident_key ?? input.dedupKey ?? null,
    incidentId: incident.id,
    incidentNumber: incident.incident_number,
    htmlUrl: incident.html_url ?? null,
    message: `PagerDuty opened incident #${incident.incident_number}.`,
  };
}

/**
 * Opens an incident: Events API v2 when `integrationKey` is given, else REST POST /incidents on
 * `serviceId`. Throws PermanentError (refused: the words say why), RateLimitedError (429) or
 * TransientError (PagerDuty unreachable or 5xx).
 */
export async function triggerPagerdutyIncident(context: ConnectorContext, input: TriggerPagerdutyIncidentInput): Promise<TriggeredIncident> {
  if (!input.summary.trim()) throw new PermanentError("An incident needs a summary");
  if (input.integrationKey) return viaEvents(context, { ...input, integrationKey: input.integrationKey });
  if (input.serviceId) return viaRest(context, { ...input, serviceId: input.serviceId });
  throw new PermanentError("This entity has no PagerDuty service: add the pagerduty.com/integration-key or pagerduty.com/service-id annotation");
}
