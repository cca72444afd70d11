import type { IntegrationKind } from "@greenroom/db";

/**
 * What a connector does for the sync engine. A sync is a sequence of steps (one page of one
 * listing each); the engine checkpoints after every step, so a run resumes at the next page.
 */
export type Checkpoint = { phase: string; cursor: string | null } & Record<string, unknown>;

/** What a step found: an entity document, or a catalog file's text (parsed when applied). */
export type StagedItem = { doc: unknown } | { yaml: string; location: string };

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
   * Optional: asks the upstream, with conditional requests, whether anything a sync reads changed
   * since the ETags of the last successful run (`sizes` = that run's item counts per phase).
   */
  probe?(context: ConnectorContext, previous: Record<string, string>, sizes: Record<string, number>): Promise<ProbeResult>;
  initialCheckpoint(): Checkpoint;
  step(context: ConnectorContext, checkpoint: Checkpoint): Promise<StepResult>;
  testConnection(context: ConnectorContext): Promise<ConnectionVerdict>;
}
