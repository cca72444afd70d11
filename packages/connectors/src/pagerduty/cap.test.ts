import { createPagerdutySimulator, DEFAULT_PAGERDUTY_TOKEN, policyOncalls, seedPagerdutyAccount, type PagerdutySimulator } from "@greenroom/simulators/pagerduty";
import { afterEach, describe, expect, it } from "vitest";

import type { ConnectorContext } from "../framework/connector";
import { type OpsRecord } from "../framework/ops-records";
import { pagerdutyConnector } from "./connector";
import { driveConnector } from "./drive";

// PagerDuty refuses offset + limit beyond 10,000. The connector narrows instead of failing or
// silently truncating: incident windows are halved by time, on-calls are listed per batch of
// escalation policies, and only what no query can narrow (over 10,000 incidents in one second)
// is cut, with a note on the run.

const simulators: PagerdutySimulator[] = [];
afterEach(async () => Promise.all(simulators.splice(0).map((simulator) => simulator.close())));

function context(simulator: PagerdutySimulator): ConnectorContext {
  return { config: { baseUrl: simulator.url, eventsUrl: simulator.url, pageSize: 100, incidentDays: 7 }, secrets: { token: DEFAULT_PAGERDUTY_TOKEN }, fetch };
}

const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const AT = new Date(NOW).toISOString();
const incidents = (records: OpsRecord[]) => records.filter((record) => record.type === "pagerduty.incident");

async function start(options: Parameters<typeof createPagerdutySimulator>[0]): Promise<PagerdutySimulator> {
  const simulator = await createPagerdutySimulator(options);
  simulators.push(simulator);
  return simulator;
}

describe("the 10,000-record ceiling", () => {
  it("splits the resolved-incident window until each part fits, and syncs every incident", async () => {
    const simulator = await start({ now: NOW, seed: { services: 10, seed: 31, now: NOW, historicalIncidents: 12_500, historicalDays: 5 } });
    const run = await driveConnector(pagerdutyConnector, context(simulator), { from: { phase: "incidents", cursor: null, at: AT } });
    const expected = simulator.state.incidents.filter((incident) => incident.status !== "resolved" || incident.createdAt >= NOW - 7 * 86_400_000);
    expect(expected.length).toBeGreaterThan(12_500);
    const synced = incidents(run.records).map((record) => record.externalId);
    expect(new Set(synced).size).toBe(synced.length);
    expect(synced.sort()).toEqual(expected.map((incident) => incident.id).sort());
    expect(run.notes).toEqual([]);
    expect(simulator.control.stats().byStatus["400"]).toBeUndefined();
    expect(run.progress.incidents?.total).toBe(expected.length);
  });

  it("cuts only what no narrower query can reach (10,050 incidents in one second), and says so", async () => {
    const account = seedPagerdutyAccount({ services: 5, seed: 32, now: NOW, historicalIncidents: 10_050, historicalDays: 2, incidentsPerService: 0 });
    const second = NOW - 86_400_000;
    for (const incident of account.incidents) {
      if (incident.status !== "resolved") continue;
      Object.assign(incident, { createdAt: second + 200, updatedAt: second + 60_000, resolvedAt: second + 60_000, lastChangeAt: second + 60_000 });
    }
    const simulator = await start({ now: NOW, account });
    const run = await driveConnector(pagerdutyConnector, context(simulator), { from: { phase: "incidents", cursor: null, at: AT } });
    const resolved = incidents(run.records).filter((record) => record.state === "resolved");
    expect(resolved).toHaveLength(10_000);
    expect(run.notes).toHaveLength(1);
    expect(run.notes[0]).toMatch(/^More than 10000 resolved incidents created .* \(in one second\)/);
    expect(simulator.control.stats().byStatus["400"]).toBeUndefined();
  });

  it("lists on-calls per batch of escalation policies when one listing would pass the ceiling", async () => {
    const simulator = await start({ now: NOW, seed: { services: 3_000, seed: 33, now: NOW, rotationTurnHours: 1, incidentsPerService: 0 } });
    const { state } = simulator;
    const until = NOW + 7 * 86_400_000;
    // earliest=true: each (policy, level, user)'s first on-call in the week.
    const earliest = new Map<string, string>();
    for (const policy of state.policies.values()) {
      for (const entry of policyOncalls(policy, state.schedules, NOW, until)) {
        const key = `${entry.policyId}:${entry.level}:${entry.userId}`;
        if (entry.level <= 2 && !earliest.has(key)) earliest.set(key, `${key}:${entry.start === null ? "always" : new Date(entry.start).toISOString().replace(".000Z", "Z")}`);
      }
    }
    const expected = new Set(earliest.values());
    expect(expected.size).toBeGreaterThan(10_000);
    const run = await driveConnector(pagerdutyConnector, context(simulator), { from: { phase: "oncalls", cursor: null, at: AT }, maxSteps: 1_000 });
    expect(run.checkpoint).toBeNull();
    const synced = run.records.filter((record) => record.type === "pagerduty.oncall").map((record) => record.externalId);
    expect(new Set(synced).size).toBe(synced.length);
    expect(new Set(synced)).toEqual(expected);
    expect(run.notes).toEqual([]);
    expect(simulator.control.stats().byStatus["400"]).toBeUndefined();
  });
});
