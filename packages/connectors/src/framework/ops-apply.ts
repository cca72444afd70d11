import { createHash } from "node:crypto";

import type { OpsRecordWrite, Prisma, TenantDb } from "@greenroom/db";

import { parseOpsRecord, type OpsRecord } from "./ops-records";

export type OpsApplyResult = { created: number; updated: number; deleted: number; unchanged: number; invalid: string[] };

// Stable JSON: key order must not change the hash, or an unchanged sync would rewrite rows.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function toWrite(record: OpsRecord): OpsRecordWrite {
  const body = { title: record.title, links: [...record.links].sort(), state: record.state, url: record.url, occurredAt: record.occurredAt, data: record.data };
  return {
    type: record.type,
    externalId: record.externalId,
    title: record.title,
    links: body.links,
    state: record.state,
    url: record.url,
    occurredAt: record.occurredAt ? new Date(record.occurredAt) : null,
    data: record.data as Prisma.JsonValue,
    contentHash: createHash("sha256").update(canonical(body)).digest("base64url"),
  };
}

/**
 * Replaces everything an integration stored with what its latest complete sync found: a full
 * mutation like the catalog's, with content-hash diffing so an unchanged sync writes no row.
 * A record that fails its schema is reported, not stored (a connector bug must not reach pages).
 */
export async function applyOpsRecords(db: TenantDb, integrationId: string, records: OpsRecord[]): Promise<OpsApplyResult> {
  const invalid: string[] = [];
  const incoming = new Map<string, OpsRecordWrite>();
  for (const record of records) {
    try {
      const write = toWrite(parseOpsRecord(record));
      incoming.set(`${write.type}\u0000${write.externalId}`, write);
    } catch (error) {
      invalid.push(`${record.type} ${record.externalId}: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
    }
  }
  const existing = await db.opsRecords.keysOf(integrationId);
  const known = new Map(existing.map((row) => [`${row.type}\u0000${row.externalId}`, row.contentHash]));
  const inserts: OpsRecordWrite[] = [];
  const updates: OpsRecordWrite[] = [];
  let unchanged = 0;
  for (const [key, write] of incoming) {
    const hash = known.get(key);
    if (hash === undefined) inserts.push(write);
    else if (hash !== write.contentHash) updates.push(write);
    else unchanged += 1;
  }
  const removals = existing.filter((row) => !incoming.has(`${row.type}\u0000${row.externalId}`));
  if (inserts.length) await db.opsRecords.insert(integrationId, inserts);
  if (updates.length) await db.opsRecords.update(integrationId, updates);
  if (removals.length) await db.opsRecords.remove(integrationId, removals);
  return { created: inserts.length, updated: updates.length, deleted: removals.length, unchanged, invalid };
}
