// The simulated PagerDuty account: plain records that the seed produces and the state indexes.
// Every REST body is rendered from these (shapes.ts), so a change made through the Events API,
// POST /incidents or a tick shows in every listing at once. Times are epoch milliseconds.

export type PdTeam = { id: string; name: string; description: string };

export type PdRole = "owner" | "admin" | "user" | "limited_user" | "observer";

export type PdUser = {
  id: string;
  name: string;
  email: string;
  timeZone: string;
  color: string;
  role: PdRole;
  jobTitle: string;
  teamIds: string[];
  contactMethodId: string;
  notificationRuleId: string;
};

/** One rotation: `userIds` take turns of `turnSeconds`, counted from `rotationVirtualStart`. */
export type PdLayer = {
  id: string;
  name: string;
  start: number;
  /** null = still in force; a layer that ended was replaced by the next one (a rotation change). */
  end: number | null;
  rotationVirtualStart: number;
  turnSeconds: number;
  userIds: string[];
};

export type PdSchedule = { id: string; name: string; description: string; timeZone: string; layers: PdLayer[]; teamIds: string[] };

export type PdTarget = { type: "schedule" | "user"; id: string };
export type PdRule = { id: string; delayMinutes: number; targets: PdTarget[] };
export type PdPolicy = { id: string; name: string; description: string; numLoops: number; rules: PdRule[]; teamIds: string[] };

export type PdServiceBaseStatus = "active" | "maintenance" | "disabled";

export type PdService = {
  id: string;
  name: string;
  description: string;
  /** Live status (warning / critical) is derived from open incidents; this is what an admin set. */
  baseStatus: PdServiceBaseStatus;
  policyId: string;
  teamIds: string[];
  createdAt: number;
  /** The Events API v2 integration: its key is the `routing_key` of /v2/enqueue. */
  integrationId: string;
  integrationKey: string;
  autoResolveTimeout: number;
  acknowledgementTimeout: number;
};

export type PdIncidentStatus = "triggered" | "acknowledged" | "resolved";
export type PdUrgency = "high" | "low";
export type PdActor = { type: "user" | "service"; id: string };

export type PdIncident = {
  id: string;
  number: number;
  title: string;
  description: string | null;
  serviceId: string;
  status: PdIncidentStatus;
  urgency: PdUrgency;
  createdAt: number;
  updatedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  incidentKey: string;
  assigneeIds: string[];
  acknowledgerIds: string[];
  lastChangeAt: number;
  lastChangeBy: PdActor;
  alertCount: number;
  logEntryId: string;
  /** How it was opened: "api" (REST), "events" (Events API v2), "seed" or "tick". */
  origin: "api" | "events" | "seed" | "tick";
};

export type PagerdutyAccountData = {
  subdomain: string;
  teams: PdTeam[];
  users: PdUser[];
  schedules: PdSchedule[];
  policies: PdPolicy[];
  services: PdService[];
  /** Sorted by createdAt; incident numbers follow that order. */
  incidents: PdIncident[];
  /** The seed and clock it was generated from, so ticks continue deterministically. */
  seed: string;
  anchor: number;
};

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUV";

export const ID_KIND = {
  team: 1,
  user: 2,
  schedule: 3,
  layer: 4,
  policy: 5,
  rule: 6,
  service: 7,
  integration: 8,
  incident: 9,
  logEntry: 10,
  contactMethod: 11,
  notificationRule: 12,
} as const;

/**
 * PagerDuty-style ids ("P" + 6 characters). The kind and index are packed into 30 bits and
 * multiplied by an odd constant (a bijection modulo 2^30), so ids are unique, stable per seed
 * position, and do not look sequential.
 */
export function pdId(kind: keyof typeof ID_KIND, index: number): string {
  if (index < 0 || index >= 1 << 24) throw new Error(`id index out of range: ${index}`);
  let value = (((ID_KIND[kind] << 24) | index) >>> 0) & 0x3fffffff;
  value = (Math.imul(value, 0x2f5a6b1d) ^ 0x15a3c9e7) & 0x3fffffff;
  let out = "";
  for (let digit = 0; digit < 6; digit++) {
    out = ID_ALPHABET[value & 31]! + out;
    value >>>= 5;
  }
  return `P${out}`;
}

/** PagerDuty renders times to the second, in UTC ("2015-10-06T21:30:42Z"). */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
