import type { Checkpoint, ConnectionVerdict, Connector, ConnectorContext, StepResult } from "../framework/connector";
import { RateLimitedError, TransientError } from "../framework/errors";
import { datadogSession, type DatadogSession } from "./client";
import { classifyDatadogError, hasStatus } from "./errors";
import { runPhase, type DatadogCheckpoint } from "./phases";

/**
 * Datadog as operational data: service definitions (catalog Components + `datadog.service`
 * records), monitors with their current state, SLOs with SLI and remaining error budget,
 * dashboards, and incidents when the org has Incident Management and the integration asks.
 * Reads through @datadog/datadog-api-client, one page per step.
 */

function problem(error: Error): string {
  if (error instanceof RateLimitedError) return `${error.message}; try again after ${new Date(error.resetAt).toISOString()}.`;
  if (error instanceof TransientError) return `Could not reach Datadog: ${error.message}`;
  return error.message;
}

async function checkConnection(session: DatadogSession): Promise<ConnectionVerdict> {
  const { config } = session;
  try {
    const validation = await session.auth.validate();
    if (!validation.valid) return { ok: false, problem: `Datadog says the API key is not valid for ${config.site}.` };
  } catch (error) {
    if (hasStatus(error, 401, 403)) return { ok: false, problem: `Datadog rejected the API key (403). Check that it is an API key (not an application key) of an org on ${config.site}.` };
    return { ok: false, problem: problem(classifyDatadogError(error, session.meter, "the API key check")) };
  }
  let monitors: number | null;
  let slos: number | null;
  try {
    // The application key, cheaply: one result of each listing a sync reads.
    await session.services.listServiceDefinitions({ pageSize: 1 });
    monitors = (await session.monitors.searchMonitors({ perPage: 1 })).metadata?.totalCount ?? null;
    slos = (await session.slos.listSLOs({ limit: 1 })).metadata?.page?.totalCount ?? null;
  } catch (error) {
    if (hasStatus(error, 401, 403)) {
      return {
        ok: false,
        problem: "The API key is valid, but Datadog refused the application key (403). Check that it belongs to the same org and may read the service catalog, monitors and SLOs (apm_service_catalog_read, monitors_read, slos_read).",
      };
    }
    return { ok: false, problem: problem(classifyDatadogError(error, session.meter, "the application key check")) };
  }
  let incidents = "";
  if (config.incidents) {
    try {
      await session.incidents.listIncidents({ pageSize: 1 });
      incidents = "; incidents readable";
    } catch (error) {
      if (!hasStatus(error, 403, 404)) return { ok: false, problem: problem(classifyDatadogError(error, session.meter, "incidents")) };
      incidents = "; incidents are not available (Incident Management is off for this org, or the application key lacks incident_read), so none will be synced";
    }
  }
  const seen = [monitors !== null ? `${monitors} monitors` : null, slos !== null ? `${slos} SLOs` : null].filter(Boolean).join(", ");
  return { ok: true, summary: `Connected to Datadog (${config.site})${seen ? `: ${seen} visible` : ""}${incidents}.` };
}

export const datadogConnector: Connector = {
  kind: "DATADOG",
  // A service GitHub (or a catalog file) already describes keeps that owner; Datadog enriches it.
  docsYieldToOtherSources: true,
  initialCheckpoint: (): Checkpoint => ({ phase: "services", cursor: null }),

  async step(context: ConnectorContext, checkpoint: Checkpoint): Promise<StepResult> {
    return runPhase(await datadogSession(context), checkpoint as DatadogCheckpoint);
  },

  async testConnection(context: ConnectorContext): Promise<ConnectionVerdict> {
    let session: DatadogSession;
    try {
      session = await datadogSession(context);
    } catch (error) {
      return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
    return checkConnection(session);
  },
};
