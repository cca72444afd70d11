import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { onCatalogCommitted } from "./catalog-changes";
import { withTenant } from "./tenancy";
import { withTenantReads } from "./tenant-reads";

async function tenantWithSource(): Promise<{ tenantId: string; sourceId: string }> {
  const tenantId = randomUUID();
  const sourceId = await withTenant({ tenantId }, async (db) => {
    await db.organizations.create({ id: tenantId, slug: `reads-${tenantId.slice(0, 8)}`, name: "Reads", trialEndsAt: new Date() });
    return (await db.catalogSources.ensure({ kind: "PUSH", name: "push:reads" })).id;
  });
  return { tenantId, sourceId };
}

describe("withTenantReads", () => {
  it("sees only its own tenant's rows, whatever ids it is asked for", async () => {
    const a = await tenantWithSource();
    const b = await tenantWithSource();
    expect(await withTenantReads({ tenantId: a.tenantId }, (db) => db.catalogReads.sourceSummary(a.sourceId))).toMatchObject({ id: a.sourceId, kind: "PUSH", name: "push:reads" });
    // B's transaction cannot see A's source even when it names it (repository filter and RLS alike).
    expect(await withTenantReads({ tenantId: b.tenantId }, (db) => db.catalogReads.sourceSummary(a.sourceId))).toBeNull();
  });

  it("rolls back on error, and pooled connections never carry one tenant into another's reads", async () => {
    const a = await tenantWithSource();
    const b = await tenantWithSource();
    await expect(withTenantReads({ tenantId: a.tenantId }, async () => Promise.reject(new Error("rolled back")))).rejects.toThrow("rolled back");
    // Interleaved on a small pool: each read sees its own tenant's source and never the other's.
    const seen = await Promise.all(
      Array.from({ length: 24 }, (_, i) => {
        const [mine, theirs] = i % 2 ? [a, b] : [b, a];
        return withTenantReads({ tenantId: mine.tenantId }, async (db) => [
          (await db.catalogReads.sourceSummary(mine.sourceId))?.id ?? null,
          (await db.catalogReads.sourceSummary(theirs.sourceId))?.id ?? null,
        ]);
      }),
    );
    expect(seen).toEqual(Array.from({ length: 24 }, (_, i) => [i % 2 ? a.sourceId : b.sourceId, null]));
  });

  it("refuses ids that are not UUIDs (they are spliced into its one-round-trip BEGIN)", async () => {
    await expect(withTenantReads({ tenantId: "x'; DROP TABLE users; --" }, async () => 1)).rejects.toThrow(/UUID/);
    await expect(withTenantReads({ tenantId: randomUUID(), userId: "nope" }, async () => 1)).rejects.toThrow(/UUID/);
  });
});

describe("catalog change listeners", () => {
  it("hear of a committed catalog write once, after commit, and never of a rolled-back one", async () => {
    const { tenantId, sourceId } = await tenantWithSource();
    const heard: string[] = [];
    onCatalogCommitted("test-listener", async (changed) => {
      if (changed === tenantId) heard.push(changed);
    });
    await withTenant({ tenantId }, async (db) => {
      await db.catalogSources.recordMutation(sourceId, []);
      await db.catalogSources.recordMutation(sourceId, []);
      expect(heard).toEqual([]); // not before the commit
    });
    expect(heard).toEqual([tenantId]);
    await expect(
      withTenant({ tenantId }, async (db) => {
        await db.catalogSources.recordMutation(sourceId, []);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // Reads do not count as changes.
    await withTenant({ tenantId }, (db) => db.catalogWrites.entitiesOfSource(sourceId));
    expect(heard).toEqual([tenantId]);
  });
});
