import type { OpsRecordDataOf, OpsRecordType } from "@greenroom/connectors/framework";
import type { OpsRecordRow } from "@greenroom/db";

/** A stored record as the portal shows it, with its data typed by record type. */
export type OpsView<T extends OpsRecordType> = {
  integrationId: string;
  externalId: string;
  title: string;
  state: string | null;
  url: string | null;
  occurredAt: string | null;
  data: OpsRecordDataOf<T>;
};

// Stored data was validated against the type's schema when written (applyOpsRecords).
export function view<T extends OpsRecordType>(row: OpsRecordRow): OpsView<T> {
  return {
    integrationId: row.integrationId,
    externalId: row.externalId,
    title: row.title,
    state: row.state,
    url: row.url,
    occurredAt: row.occurredAt?.toISOString() ?? null,
    data: row.data as OpsRecordDataOf<T>,
  };
}

export function ofType<T extends OpsRecordType>(rows: OpsRecordRow[], type: T): OpsView<T>[] {
  return rows.filter((row) => row.type === type).map((row) => view<T>(row));
}

export const OPEN_INCIDENT_STATES = ["triggered", "acknowledged", "active", "stable"] as const;
export const PROBLEM_MONITOR_STATES = ["Alert", "Warn", "No Data"] as const;
export const SLO_RISK_STATES = ["at_risk", "breached"] as const;

/** Monitor states, worst first (the order the portal lists them in). */
export const MONITOR_STATE_ORDER = ["Alert", "Warn", "No Data", "OK", "Ignored", "Skipped", "Unknown"] as const;
