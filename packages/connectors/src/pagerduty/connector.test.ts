import { createPagerdutySimulator, DEFAULT_PAGERDUTY_READ_ONLY_TOKEN, DEFAULT_PAGERDUTY_TOKEN, type PagerdutySimulator } from "@greenroom/simulators/pagerduty";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { ConnectorContext } from "../framework/connector";
import { PermanentError, RateLimitedError, TransientError } from "../framework/errors";
import { parseOpsRecord, type OpsRecord, type OpsRecordOf } from "../framework/ops-records";
import { pagerdutyConnector } from "./connector";
import { driveConnector } from "./drive";

// The connector against the PagerDuty simulator over real HTTP: a full sync through its steps,
// resuming from a checkpoint, and each failure mapped to the engine's outcome.

let simulator: PagerdutySimulator;

beforeAll(async () => {
  simulator = await createPagerdutySimulator({ seed: { services: 30, seed: 21, serviceNames: ["checkout-api", "payments-service"] } });
});
afterAll(() => simulator.close());
beforeEach(() => {
  simulator.control.clearFaults();
  simulator.control.resetRateLimits();
});

function context(overrides: Partial<{ token: string; pageSize: number; incidentDays: number; fromEmail: string }> = {}): ConnectorContext {
  return {
    config: { baseUrl: simulator.url, eventsUrl: simulator.url, pageSize: overrides.pageSize ?? 25, incidentDays: overrides.incidentDays ?? 7, ...(overrides.fromEmail ? { fromEmail: overrides.fromEmail } : {}) },
    secrets: { token: overrides.token ?? DEFAULT_PAGERDUTY_TOKEN },
    fetch,
  };
}

const ofType = <T extends OpsRecord["type"]>(records: OpsRecord[], type: T): OpsRecordOf<T>[] => records.filter((record) => record.type === type) as unknown as OpsRecordOf<T>[];

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

describe("pagerdutyConnector: a full sync", () => {
  it("lists every phase into valid, linked records", async () => {
    const started = Math.floor(Date.now() / 1000) * 1000;
    const run = await driveConnector(pagerdutyConnector, context(), { from: { phase: "teams", cursor: null, at: new Date(started).toISOString() } });
    const { state } = simulator;
    for (const record of run.records) expect(() => parseOpsRecord(record)).not.toThrow();
    expect(run.notes).toEqual([]);
    expect(Object.keys(run.progress)).toEqual(["teams", "users", "escalation_policies", "schedules", "services", "oncalls", "incidents"]);
    expect(run.progress.users).toEqual({ done: state.users.size, total: state.users.size });

    expect(ofType(run.records, "pagerduty.team")).toHaveLength(state.teams.size);
    expect(ofType(run.records, "pagerduty.user").map((user) => user.data.email).sort()).toEqual([...state.users.values()].map((user) => user.email).sort());
    const policies = ofType(run.records, "pagerduty.escalation_policy");
    expect(policies).toHaveLength(state.policies.size);
    expect(policies.every((policy) => policy.links[0] === `pagerduty:policy:${policy.externalId}` && policy.data.levels.length === 2)).toBe(true);
    expect(ofType(run.records, "pagerduty.schedule")).toHaveLength(state.schedules.size);

    const services = ofType(run.records, "pagerduty.service");
    expect(services.map((service) => service.externalId).sort()).toEqual([...state.services.keys()].sort());
    const checkout = services.find((service) => service.title === "checkout-api")!;
    expect(checkout.links).toEqual([`pagerduty:service:${checkout.externalId}`]);
    expect(checkout.data.escalationPolicyId).toBe(state.services.get(checkout.externalId)!.policyId);

    // On-call: levels 1 and 2 only; for every policy, someone now and someone next at level 1.
    const oncalls = ofType(run.records, "pagerduty.oncall");
    expect(oncalls.every((oncall) => oncall.data.level <= 2 && oncall.links[0] === `pagerduty:policy:${oncall.data.escalationPolicyId}`)).toBe(true);
    expect(new Set(oncalls.map((oncall) => oncall.externalId)).size).toBe(oncalls.length);
    for (const policy of state.policies.values()) {
      const level1 = oncalls.filter((oncall) => oncall.data.escalationPolicyId === policy.id && oncall.data.level === 1);
      expect(level1.some((oncall) => Date.parse(oncall.data.start!) <= started && Date.parse(oncall.data.end!) > started)).toBe(true);
      expect(level1.some((oncall) => Date.parse(oncall.data.start!) > started)).toBe(true);
      expect(level1.every((oncall) => oncall.data.userEmail?.includes("@"))).toBe(true);
    }
    expect(oncalls.some((oncall) => oncall.data.start === null && oncall.data.level === 2)).toBe(true);

    const incidents = ofType(run.records, "pagerduty.incident");
    const open = state.incidents.filter((incident) => incident.status !== "resolved");
    const recent = state.incidents.filter((incident) => incident.status === "resolved" && incident.createdAt >= started - 7 * 86_400_000 && incident.createdAt < started);
    expect(incidents.filter((incident) => incident.state !== "resolved").map((incident) => incident.externalId).sort()).toEqual(open.map((incident) => incident.id).sort());
    expect(incidents.filter((incident) => incident.state === "resolved").length).toBe(recent.length);
    const sample = incidents.find((incident) => incident.state === "triggered")!;
    expect(sample.links).toEqual([`pagerduty:service:${sample.data.serviceId}`]);
    expect(sample.occurredAt).toBe(sample.data.createdAt);
    expect(sample.data.assignees.length).toBe(1);
  });

  it("resumes from a checkpoint mid-listing with the same records as an uninterrupted run", async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const from = { phase: "teams", cursor: null, at };
    const whole = await driveConnector(pagerdutyConnector, context({ pageSize: 7 }), { from });
    for (const stopAfter of [3, whole.steps - 3]) {
      const first = await driveConnector(pagerdutyConnector, context({ pageSize: 7 }), { from, maxSteps: stopAfter });
      expect(first.checkpoint).not.toBeNull();
      const rest = await driveConnector(pagerdutyConnector, context({ pageSize: 7 }), { from: first.checkpoint! });
      expect([...first.records, ...rest.records]).toEqual(whole.records);
    }
  });
});

describe("pagerdutyConnector: failures", () => {
  const step = (ctx = context()) => pagerdutyConnector.step(ctx, pagerdutyConnector.initialCheckpoint());

  it("429 → RateLimitedError at the time ratelimit-reset names", async () => {
    simulator.control.setRemaining(DEFAULT_PAGERDUTY_TOKEN, 0);
    const before = Date.now();
    const error = await failure(step());
    expect(error).toBeInstanceOf(RateLimitedError);
    const resetAt = (error as RateLimitedError).resetAt;
    expect(resetAt).toBeGreaterThan(before);
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 61_000);
    expect(error.message).toMatch(/rate limit/);
  });

  it("a wrong key → PermanentError an admin can act on", async () => {
    const error = await failure(step(context({ token: "wrong-key" })));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(/rejected the API key \(401/);
  });

  it("5xx, cut-off and malformed bodies, dropped connections → TransientError", async () => {
    for (const fault of [{ status: 503 }, { kind: "truncate" as const }, { kind: "malformed" as const }, { kind: "reset" as const }]) {
      simulator.control.failNext({ path: "/teams", ...fault });
      expect(await failure(step())).toBeInstanceOf(TransientError);
    }
    expect((await step()).documents.length).toBeGreaterThan(0);
  });

  it("an unknown API URL → PermanentError naming the setting", async () => {
    const error = await failure(pagerdutyConnector.step({ ...context(), config: { ...context().config, baseUrl: `${simulator.url}/nope` } }, pagerdutyConnector.initialCheckpoint()));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(/API URL/);
  });
});

describe("pagerdutyConnector.testConnection", () => {
  it("says what it sees, or what is wrong", async () => {
    const verdict = await pagerdutyConnector.testConnection(context());
    expect(verdict).toEqual({ ok: true, summary: expect.stringMatching(/^Connected to PagerDuty: 30 services and \d+ users visible; .*requests left this minute\.$/) });
    expect(await pagerdutyConnector.testConnection(context({ token: "wrong-key" }))).toEqual({ ok: false, problem: expect.stringMatching(/rejected the API key/) });
    expect((await pagerdutyConnector.testConnection(context({ token: DEFAULT_PAGERDUTY_READ_ONLY_TOKEN }))).ok).toBe(true);
    simulator.control.failNext({ path: "/abilities", status: 502 });
    expect(await pagerdutyConnector.testConnection(context())).toEqual({ ok: false, problem: expect.stringMatching(/^Could not reach PagerDuty/) });
  });
});
