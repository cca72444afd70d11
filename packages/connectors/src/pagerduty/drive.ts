import type { Checkpoint, Connector, ConnectorContext, StagedItem } from "../framework/connector";
import type { OpsRecord } from "../framework/ops-records";

// Runs a connector's steps in a loop, without the sync engine's storage: for tests and the
// benchmark. Each checkpoint goes through JSON, as the engine persists it, so a step that keeps
// something unserialisable in its checkpoint fails here first.

export type DriveOutcome = {
  records: OpsRecord[];
  /** Problems reported on the run ({ error } items), as messages. */
  notes: string[];
  steps: number;
  requests: number;
  /** The checkpoint the run stopped at (null when the listing completed). */
  checkpoint: Checkpoint | null;
  /** Per phase: items handled and the last total reported. */
  progress: Record<string, { done: number; total?: number }>;
};

export async function driveConnector(connector: Connector, context: ConnectorContext, options: { from?: Checkpoint; maxSteps?: number } = {}): Promise<DriveOutcome> {
  const outcome: DriveOutcome = { records: [], notes: [], steps: 0, requests: 0, checkpoint: options.from ?? connector.initialCheckpoint(), progress: {} };
  const maxSteps = options.maxSteps ?? 100_000;
  while (outcome.checkpoint && outcome.steps < maxSteps) {
    const phase = outcome.checkpoint.phase;
    const step = await connector.step(context, JSON.parse(JSON.stringify(outcome.checkpoint)) as Checkpoint);
    outcome.steps += 1;
    outcome.requests += step.requests;
    for (const item of step.documents as StagedItem[]) {
      if ("record" in item) outcome.records.push(item.record);
      else if ("error" in item) outcome.notes.push(item.error.message);
    }
    const progress = outcome.progress[phase] ?? { done: 0 };
    outcome.progress[phase] = { done: progress.done + step.items, ...(step.total !== undefined ? { total: step.total } : progress.total !== undefined ? { total: progress.total } : {}) };
    outcome.checkpoint = step.next;
  }
  return outcome;
}
