import { randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { withTenant } from "./tenancy";

// Isolation from below: the app role (greenroom_app, no BYPASSRLS) talking raw SQL.

const appUrl = process.env.DATABASE_URL!;
const ownerUrl = process.env.DATABASE_OWNER_URL!;

async function asApp<T>(tenantId: string | null, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    if (tenantId) await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const result = await work(client);
    await client.query("ROLLBACK");
    return result;
  } finally {
    await client.end();
  }
}

describe("row-level security as the app role", () => {
  const tenantA = randomUUID();
  const tenantB = randomUUID();

  beforeAll(async () => {
    for (const tenantId of [tenantA, tenantB]) {
      await withTenant({ tenantId }, async (db) => {
        await db.organizations.create({ id: tenantId, slug: `rls-${tenantId.slice(0, 8)}`, name: `RLS ${tenantId}`, trialEndsAt: new Date() });
        const user = await db.users.create({ email: `rls-${tenantId}@example.test`, name: "RLS" });
        await db.memberships.create(user.id, "OWNER");
        await db.auditEvents.record({ actorId: user.id, actorEmail: user.email, action: "org.created" });
      });
    }
  });

  it("connects without BYPASSRLS and without superuser", async () => {
    const row = await asApp(null, async (client) =>
      (await client.query("SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user")).rows[0],
    );
    expect(row).toEqual({ rolbypassrls: false, rolsuper: false });
  });

  it("returns nothing from tenant tables when no tenant is set", async () => {
    const counts = await asApp(null, async (client) => ({
      memberships: (await client.query("SELECT count(*)::int AS n FROM memberships")).rows[0].n,
      audit: (await client.query("SELECT count(*)::int AS n FROM audit_events")).rows[0].n,
      invitations: (await client.query("SELECT count(*)::int AS n FROM invitations")).rows[0].n,
    }));
    expect(counts).toEqual({ memberships: 0, audit: 0, invitations: 0 });
  });

  it("returns nothing of tenant A when tenant B is set, even when the query names A", async () => {
    const rows = await asApp(tenantB, async (client) => ({
      memberships: (await client.query("SELECT * FROM memberships WHERE tenant_id = $1", [tenantA])).rowCount,
      audit: (await client.query("SELECT * FROM audit_events WHERE tenant_id = $1", [tenantA])).rowCount,
      ownAudit: (await client.query("SELECT * FROM audit_events WHERE tenant_id = $1", [tenantB])).rowCount,
    }));
    expect(rows).toEqual({ memberships: 0, audit: 0, ownAudit: 1 });
  });

  it("refuses to write a row into another tenant", async () => {
    await expect(
      asApp(tenantB, (client) =>
        client.query("INSERT INTO audit_events (tenant_id, id, action) VALUES ($1, $2, 'forged')", [tenantA, randomUUID()]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("cannot update or delete another tenant's rows", async () => {
    const affected = await asApp(tenantB, async (client) => ({
      updated: (await client.query("UPDATE memberships SET role = 'VIEWER' WHERE tenant_id = $1", [tenantA])).rowCount,
      deleted: (await client.query("DELETE FROM memberships WHERE tenant_id = $1", [tenantA])).rowCount,
    }));
    expect(affected).toEqual({ updated: 0, deleted: 0 });
  });

  it("keeps the audit log append-only for the app role", async () => {
    await expect(asApp(tenantA, (client) => client.query("DELETE FROM audit_events"))).rejects.toThrow(/permission denied/);
    await expect(asApp(tenantA, (client) => client.query("UPDATE audit_events SET action = 'x'"))).rejects.toThrow(/permission denied/);
  });

  it("does not carry one transaction's tenant into the next on the same connection", async () => {
    const client = new pg.Client({ connectionString: appUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantA]);
      const during = (await client.query("SELECT count(*)::int AS n FROM memberships")).rows[0].n;
      await client.query("COMMIT");
      const after = (await client.query("SELECT app_current_tenant() AS tenant, count(*)::int AS n FROM memberships")).rows[0];
      expect(during).toBe(1);
      expect(after).toEqual({ tenant: null, n: 0 });
    } finally {
      await client.end();
    }
  });
});

describe("the live catalog follows the tenancy rules", () => {
  let owner: pg.Client;
  beforeAll(async () => {
    owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
  });
  afterAll(async () => owner.end());

  it("forces RLS on every table with tenant_id, partitions included", async () => {
    const { rows } = await owner.query(`
      SELECT n.nspname || '.' || c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`);
    expect(rows.length).toBeGreaterThan(3);
    const unprotected = rows.filter((row) => !row.enabled || !row.forced).map((row) => row.name);
    expect(unprotected).toEqual([]);
  });

  it("leads every key and index of a tenant table with tenant_id", async () => {
    const indexes = await owner.query(`
      SELECT n.nspname || '.' || i.relname AS name, a.attname AS first_column
      FROM pg_index x
      JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_class i ON i.oid = x.indexrelid
      LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped)`);
    expect(indexes.rows.length).toBeGreaterThan(3);
    expect(indexes.rows.filter((row) => row.first_column !== "tenant_id").map((row) => row.name)).toEqual([]);

    // Foreign keys between tenant tables lead with tenant_id; a key may point from a tenant
    // table at a global one (users, organizations), which Citus treats as a reference table.
    const foreignKeys = await owner.query(`
      SELECT con.conname AS name, a.attname AS first_column,
             EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = con.confrelid AND t.attname = 'tenant_id') AS references_tenant_table
      FROM pg_constraint con
      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
      WHERE con.contype = 'f'
        AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = con.conrelid AND t.attname = 'tenant_id')`);
    expect(foreignKeys.rows.length).toBeGreaterThan(0);
    const offenders = foreignKeys.rows.filter((row) => row.references_tenant_table && row.first_column !== "tenant_id");
    expect(offenders.map((row) => row.name)).toEqual([]);
  });

  it("keeps the HASH partitions of the large tables in their own schema", async () => {
    const { rows } = await owner.query(`
      SELECT p.relname AS parent, pn.nspname AS partition_schema, count(*)::int AS partitions,
             pg_get_partkeydef(p.oid) AS key
      FROM pg_inherits i
      JOIN pg_class p ON p.oid = i.inhparent JOIN pg_class c ON c.oid = i.inhrelid
      JOIN pg_namespace pn ON pn.oid = c.relnamespace
      GROUP BY p.relname, pn.nspname, p.oid`);
    expect(rows).toContainEqual({ parent: "audit_events", partition_schema: "tenant_partitions", partitions: 16, key: "HASH (tenant_id)" });
    expect(rows.every((row) => row.partition_schema === "tenant_partitions")).toBe(true);
  });
});

describe("the tenant transaction's time limit", () => {
  const tenantId = randomUUID();
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("ends a transaction that outlives the limit it was given, and lets a longer limit finish", async () => {
    // A bulk write asks for its own limit; one shorter than the work proves the option is the one applied.
    const outlived = withTenant({ tenantId }, async (db) => {
      await pause(1_200);
      return db.auditEvents.list({ limit: 1 });
    }, { timeoutMs: 300 });
    await expect(outlived).rejects.toThrow(/transaction|expired|closed/i);
    const finished = await withTenant({ tenantId }, async (db) => {
      await pause(1_200);
      return db.auditEvents.list({ limit: 1 });
    }, { timeoutMs: 5_000 });
    expect(finished).toEqual(expect.anything());
  });
});
