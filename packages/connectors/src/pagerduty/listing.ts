import type { CatalogError } from "@greenroom/catalog";

import type { Checkpoint, ConnectorContext, StagedItem } from "../framework/connector";
import { configSchemas } from "../framework/integrations";
import { pagerdutyRequest, withQuery, type Query } from "./client";

// Classic offset pagination as PagerDuty defines it: ask for `limit` records at `offset`, go on
// while `more` is true, and never ask past offset + limit = 10,000 (PagerDuty answers 400 there),
// so a listing that could pass the ceiling must be narrowed by its caller first.

export const OFFSET_CAP = 10_000;

export type PagerdutyConfig = ReturnType<typeof configSchemas.PAGERDUTY.parse>;

export function pagerdutyConfig(context: ConnectorContext): PagerdutyConfig {
  return configSchemas.PAGERDUTY.parse(context.config);
}

export type PdCheckpoint = Checkpoint & {
  /** The sync's "now", pinned when the time-based phases start so every page asks the same window. */
  at?: string;
  /** Items the current phase has in all (from its first page's total), for the ceiling message. */
  phaseTotal?: number;
  oncalls?: { mode: "all" | "byPolicy"; policyOffset: number; policyIds?: string[]; policiesMore?: boolean };
  windows?: IncidentWindow[];
  incidentsTotal?: number;
};

/** One /incidents query: open ones over all time, or resolved ones created in [since, until). */
export type IncidentWindow = { statuses: "open" | "resolved"; since?: string; until?: string; exhausted?: boolean };

export type Page<T> = { items: T[]; more: boolean; total: number | null; offset: number; nextOffset: number };

/**
 * One page of a listing. Null when `offset` is already at the ceiling (nothing more can be
 * asked); the last page before it is shortened so offset + limit stays within 10,000.
 */
export async function listPage<T>(
  context: ConnectorContext,
  config: PagerdutyConfig,
  request: { path: string; key: string; query?: Query; offset: number; total: boolean; what: string },
): Promise<Page<T> | null> {
  const limit = Math.min(config.pageSize, OFFSET_CAP - request.offset);
  if (limit <= 0) return null;
  const url = withQuery(config.baseUrl, request.path, { ...request.query, limit, offset: request.offset, ...(request.total ? { total: true } : {}) });
  const { body } = await pagerdutyRequest<Record<string, unknown>>(context, { url, what: request.what });
  const items = body?.[request.key];
  if (!Array.isArray(items)) throw new Error(`PagerDuty's answer to ${request.path} has no "${request.key}" list`);
  const echoedLimit = typeof body.limit === "number" && body.limit > 0 ? body.limit : limit;
  const echoedOffset = typeof body.offset === "number" ? body.offset : request.offset;
  return {
    items: items as T[],
    more: body.more === true,
    total: typeof body.total === "number" ? body.total : null,
    offset: echoedOffset,
    // PagerDuty's documented next page: offset + limit (as its own clients compute it).
    nextOffset: echoedOffset + echoedLimit,
  };
}

/** A problem the run reports without failing (shown with the run's errors). */
export function runNote(message: string): StagedItem {
  const error: CatalogError = { sourceName: "PagerDuty", path: "", rule: "fetch-failed", message };
  return { error };
}

export function ceilingNote(what: string, total: number | null | undefined): StagedItem {
  return runNote(
    `PagerDuty lists at most ${OFFSET_CAP.toLocaleString("en-US")} ${what} per query${total ? ` and this account has ${total.toLocaleString("en-US")}` : ""}; the first ${OFFSET_CAP.toLocaleString("en-US")} were synced, the rest were not.`,
  );
}
