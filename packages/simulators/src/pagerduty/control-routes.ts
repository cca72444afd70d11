import { commonGetOperations, commonPostOperations, createControlRoutes, requireNumber as num, requireString as str } from "../shared/control-routes";
import type { PagerdutyControl } from "./control";
import type { PdIncident } from "./model";

// PagerDuty's /_control operations (the shared ones are in ../shared/control-routes.ts): per-key
// budgets, the listing ceiling, ticks, keys, and incidents opened and moved by hand.

function incidentSummary(incident: PdIncident) {
  return { id: incident.id, number: incident.number, status: incident.status, serviceId: incident.serviceId, title: incident.title, incidentKey: incident.incidentKey };
}

export function createControlHandler(control: PagerdutyControl) {
  return createControlRoutes({
    bodyLimitBytes: 1_000_000,
    post: {
      ...commonPostOperations(control),
      "rate-limit/remaining": (body) => control.setRemaining(str(body, "token"), num(body, "remaining")),
      "offset-cap": (body) => control.setOffsetCap(num(body, "cap")),
      tick: (body) => control.tick(body.count === undefined ? 1 : num(body, "count")),
      ticker: (body) => control.setTickInterval(body.ms === null || body.ms === undefined ? null : num(body, "ms")),
      tokens: (body) => control.addToken(str(body, "token"), { readOnly: body.readOnly === true }),
      "tokens/remove": (body) => control.removeToken(str(body, "token")),
      "incidents/trigger": (body) => incidentSummary(control.trigger({ service: str(body, "service"), title: str(body, "title"), urgency: body.urgency === "low" ? "low" : "high", incidentKey: typeof body.incidentKey === "string" ? body.incidentKey : undefined })),
      "incidents/acknowledge": (body) => incidentSummary(control.acknowledge(str(body, "id"))),
      "incidents/resolve": (body) => incidentSummary(control.resolve(str(body, "id"))),
    },
    get: {
      ...commonGetOperations(control),
      // What a demo needs to connect: tokens, integration keys, requester emails.
      account: () => control.account(),
    },
  });
}
