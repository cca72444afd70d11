import type { ConnectorContext, StagedItem, StepResult } from "../framework/connector";
import { ceilingNote, listPage, OFFSET_CAP, type PagerdutyConfig, type PdCheckpoint } from "./listing";
import { oncallRecord, type PdOncall } from "./records";

// On-calls at escalation levels 1 and 2, now and next: one /oncalls listing over the next week
// with earliest=true (each policy-level-user's first shift: the current one and the coming ones).
// When that listing would pass the 10,000-record ceiling, it is narrowed to batches of escalation
// policies (re-listed 100 at a time), each of which stays far below it.

export const ONCALL_HORIZON_MS = 7 * 86_400_000;
const MAX_LEVEL = 2;
const POLICY_BATCH = 100;

type OncallState = NonNullable<PdCheckpoint["oncalls"]>;

function records(oncalls: PdOncall[]): StagedItem[] {
  return oncalls.filter((oncall) => oncall.escalation_level <= MAX_LEVEL).map((oncall) => ({ record: oncallRecord(oncall) }));
}

export async function oncallsStep(context: ConnectorContext, config: PagerdutyConfig, checkpoint: PdCheckpoint, following: (checkpoint: PdCheckpoint) => PdCheckpoint | null): Promise<StepResult> {
  const at = checkpoint.at ?? new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  const window = { since: at, until: new Date(Date.parse(at) + ONCALL_HORIZON_MS).toISOString(), earliest: true, include: ["users"] };
  const state: OncallState = checkpoint.oncalls ?? { mode: "all", policyOffset: 0 };
  const offset = Number(checkpoint.cursor ?? 0);
  const base = { ...checkpoint, at };
  const done = () => following({ ...base, oncalls: undefined });

  if (state.mode === "all") {
    const page = await listPage<PdOncall>(context, config, { path: "/oncalls", key: "oncalls", query: window, offset, total: offset === 0, what: "listing on-calls" });
    if (!page) return { documents: [ceilingNote("on-calls", checkpoint.phaseTotal)], next: done(), requests: 0, budgetUsed: 0, items: 0 };
    if (offset === 0 && (page.total ?? 0) > OFFSET_CAP) {
      // Too many to list in one query: start over, a batch of escalation policies at a time.
      return { documents: [], next: { ...base, cursor: null, oncalls: { mode: "byPolicy", policyOffset: 0 } }, requests: 1, budgetUsed: 1, items: 0 };
    }
    const next = page.more ? { ...base, cursor: String(page.nextOffset), oncalls: state, ...(page.total !== null ? { phaseTotal: page.total } : {}) } : done();
    return { documents: records(page.items), next, requests: 1, budgetUsed: 1, items: page.items.length, ...(page.total !== null ? { total: page.total } : {}) };
  }

  let requests = 0;
  let batch = state;
  if (!batch.policyIds) {
    const policies = await listPage<{ id: string }>(context, config, { path: "/escalation_policies", key: "escalation_policies", offset: batch.policyOffset, total: false, what: "listing escalation policies for on-calls" });
    requests += 1;
    if (!policies) return { documents: [ceilingNote("escalation policies", null)], next: done(), requests, budgetUsed: requests, items: 0 };
    if (policies.items.length === 0) return { documents: [], next: done(), requests, budgetUsed: requests, items: 0 };
    batch = { ...batch, policyIds: policies.items.slice(0, POLICY_BATCH).map((policy) => policy.id), policiesMore: policies.more };
  }
  const page = await listPage<PdOncall>(context, config, { path: "/oncalls", key: "oncalls", query: { ...window, escalation_policy_ids: batch.policyIds }, offset, total: false, what: "listing on-calls" });
  requests += 1;
  const documents = page ? records(page.items) : [];
  const batchDone = !page || !page.more || page.nextOffset >= OFFSET_CAP;
  if (page && page.more && page.nextOffset >= OFFSET_CAP) documents.push(ceilingNote("on-calls for one batch of escalation policies", null));
  let next: PdCheckpoint | null;
  if (!batchDone) next = { ...base, cursor: String(page.nextOffset), oncalls: batch };
  else if (batch.policiesMore) next = { ...base, cursor: null, oncalls: { mode: "byPolicy", policyOffset: batch.policyOffset + batch.policyIds!.length } };
  else next = done();
  return { documents, next, requests, budgetUsed: requests, items: page?.items.length ?? 0 };
}
