import type { CatalogError } from "@greenroom/catalog";
import type { IntegrationKind } from "@greenroom/db";

import type { OpsRecord } from "./ops-records";

/**
 * What a connector does for the sync engine. A sync is a sequence of steps (one page of one
 * listing each); the engine checkpoints after every step, so a run resumes at the next page.
 */
export type Checkpoint = { phase: string; cursor: string | null } & Record<string, unknown>;

/**
 * What a step found: an entity document, a catalog file's text (parsed when applied), an
 * operational record (on-call, incident, monitor, SLO: stored beside the catalog), or a problem
 * to report on the run without failing it (a Location target that could not be read).
 */
export type StagedItem = { doc: unknown } | { yaml: string; location: string } | { record: OpsRecord } | { error: CatalogError };

export type StepResult = {
  documents: StagedItem[];
  /** Where to continue, or null when the listing is complete. */
  next: Checkpoint | null;
  requests: number;
  /** Rate-limit budget spent (GitHub: core requests + GraphQL points). */
  budgetUsed: number;
  /** Items in the current phase, when the upstream says (progress bars). */
  total?: number;
  /** Items handled in this step (repos, teams, people...). */
  items: number;
};

export type ConnectionVerdict = { ok: true; summary: string } | { ok: false; problem: string };

export type ConnectorContext = {
  config: Record<string, unknown>;
  secrets: Record<string, string>;
  fetch: typeof fetch;
};

/** What a cheap conditional check of the upstream found (ETags: a 304 costs no rate limit). */
export type ProbeResult = { changed: boolean; etags: Record<string, string>; requests: number; budgetUsed: number };

export interface Connector {
  kind: IntegrationKind;
  /**
   * Entity documents this connector finds only create entities no other source owns; where one
   * does, the connector's records enrich it instead (Datadog service definitions vs GitHub repos).
   */
  docsYieldToOtherSources?: boolean;
  /**
   * Optional: asks the upstream, with conditional requests, whether anything a sync reads changed
   * since the ETags of the last successful run (`sizes` = that run's item counts per phase).
   */
  probe?(context: ConnectorContext, previous: Record<string, string>, sizes: Record<string, number>): Promise<ProbeResult>;
  initialCheckpoint(): Checkpoint;
  step(context: ConnectorContext, checkpoint: Checkpoint): Promise<StepResult>;
  testConnection(context: ConnectorContext): Promise<ConnectionVerdict>;
}
