import { recordAudit } from "@greenroom/accounts";
import { guardedFetch, networkPolicyFromEnv, PermanentError, requestSync, TransientError, triggerPagerdutyIncident } from "@greenroom/connectors";
import { connectorContextFor, triggerTargetFor } from "@greenroom/operations";
import { TRPCError } from "@trpc/server";
import { z } from "zod";

import { memberProcedure } from "../../trpc";
import { refOf, ZEntityName } from "../catalog/schemas";
import { operationsProblem } from "./shared";

export const ZTriggerIncidentInput = ZEntityName.extend({
  summary: z.string().trim().min(5, "Describe what is wrong in a few words").max(1024, "Keep the summary under 1,024 characters"),
  /** The person confirmed the dialog; a request without it pages nobody. */
  confirmed: z.literal(true, "Confirm that you want to page the on-call responder"),
});

/**
 * Pages PagerDuty for an entity (Events API through its integration key, else REST on its
 * linked service), records who did it in the audit log, and asks for a sync so it shows soon.
 */
export const triggerIncidentProcedure = memberProcedure.input(ZTriggerIncidentInput).mutation(async ({ ctx, input }) => {
  const ref = refOf(input);
  let target;
  try {
    target = await triggerTargetFor(ctx.db, ref);
  } catch (error) {
    operationsProblem(error);
  }
  const context = await connectorContextFor(ctx.db, target.integration, guardedFetch(networkPolicyFromEnv()));
  let result;
  try {
    result = await triggerPagerdutyIncident(context, {
      ...(target.integrationKey ? { integrationKey: target.integrationKey } : {}),
      ...(target.serviceId ? { serviceId: target.serviceId } : {}),
      summary: input.summary,
      requesterEmail: ctx.actor.email,
      source: `greenroom ${ref}`,
    });
  } catch (error) {
    if (error instanceof PermanentError || error instanceof TransientError) throw new TRPCError({ code: "BAD_GATEWAY", message: `PagerDuty did not accept the incident: ${error.message}`, cause: error });
    throw error;
  }
  await recordAudit(ctx.db, ctx.actor, ctx.meta, "incident.triggered", { type: "entity", id: ref, label: ref }, { summary: input.summary, via: result.via, service: target.serviceName, integrationId: target.integration.id });
  const tenantId = ctx.db.tenantId;
  const integrationId = target.integration.id;
  ctx.db.afterCommit(() => requestSync(tenantId, integrationId, "manual"));
  return { via: result.via, serviceName: target.serviceName };
});
