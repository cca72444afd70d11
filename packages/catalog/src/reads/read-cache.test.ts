import { randomUUID } from "node:crypto";

import { withTenant, type TenantDb } from "@greenroom/db";
import { createRedis, queueEnv, sharedRedis } from "@greenroom/queue";
import { describe, expect, it } from "vitest";

import { applyMutation, confirmHeldMutation, ensureSource, ingestCatalogText, removeEntities, removeOrphans, removeSource } from "../engine";
import { parseCatalogYaml } from "../parse-yaml";
import { readCatalogFacets, readCatalogPage, readEntityGraph, readEntityPage, searchCatalog } from "./catalog-pages";
import { generationKey } from "./generation";
import { cachedRead, catalogCacheCounters } from "./read-cache";

async function newTenant(): Promise<string> {
  const tenantId = randomUUID();
  await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: `cache-${tenantId.slice(0, 8)}`, name: "Cache test", trialEndsAt: new Date() }));
  return tenantId;
}

const component = (name: string, owner = "team-a", extra = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  tags: [java]\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n${extra}`;

function entities(...docs: string[]) {
  const { entities: parsed, errors } = parseCatalogYaml(docs.join("\n---\n"));
  expect(errors).toEqual([]);
  return parsed;
}

const inTenant = <T>(tenantId: string, work: (db: TenantDb) => Promise<T>) => withTenant({ tenantId }, work);

/** Reads twice and checks the second came from the cache, so the test that follows starts warm. */
async function warm<T>(read: () => Promise<T>): Promise<T> {
  await read();
  const before = catalogCacheCounters().hit;
  const value = await read();
  expect(catalogCacheCounters().hit).toBe(before + 1);
  return value;
}

const names = async (tenantId: string) => (await readCatalogPage({ tenantId }, { filters: {}, limit: 100 })).rows.map((row) => row.name);

describe("the catalog read cache", () => {
  it("serves a page from Redis until a write, and every engine write path makes the next read fresh", async () => {
    const tenantId = await newTenant();
    const scope = { tenantId };
    const ci = await inTenant(tenantId, (db) => ensureSource(db, { kind: "PUSH", key: "ci" }));

    // applyMutation, full: creates.
    await warm(() => names(tenantId));
    await inTenant(tenantId, (db) => applyMutation(db, ci, { type: "full", entities: entities(component("alpha"), component("beta")) }));
    expect(await warm(() => names(tenantId))).toEqual(["alpha", "beta"]);

    // applyMutation, delta upsert: the entity page, facets and search follow an update.
    expect((await warm(() => readEntityPage(scope, "component:default/alpha")))?.entity.ownerRef).toBe("group:default/team-a");
    await warm(() => readCatalogFacets(scope, {}));
    // Nobody is owned by team-b yet: "team b" falls back to either word and finds both.
    expect((await warm(() => searchCatalog(scope, "team-b", 5))).map((hit) => hit.name).sort()).toEqual(["alpha", "beta"]);
    await inTenant(tenantId, (db) => applyMutation(db, ci, { type: "delta", upserts: entities(component("alpha", "team-b", "  system: zeta")) }));
    expect((await readEntityPage(scope, "component:default/alpha"))?.entity.ownerRef).toBe("group:default/team-b");
    expect((await readCatalogFacets(scope, {})).owner).toEqual([{ value: "group:default/team-a", count: 1 }, { value: "group:default/team-b", count: 1 }]);
    expect((await searchCatalog(scope, "team-b", 5)).map((hit) => hit.name)).toEqual(["alpha"]);

    // The dependency graph follows a new relation.
    const graph = () => readEntityGraph(scope, { rootRefs: ["component:default/beta"], types: ["dependsOn", "dependencyOf"], depth: 1, maxNodes: 50 });
    expect((await warm(graph))?.edges).toEqual([]);
    await inTenant(tenantId, (db) => applyMutation(db, ci, { type: "delta", upserts: entities(component("beta", "team-a", "  dependsOn: [component:alpha]")) }));
    expect((await graph())?.edges).toContainEqual({ sourceRef: "component:default/beta", type: "dependsOn", targetRef: "component:default/alpha" });

    // applyMutation, delta removal.
    await warm(() => names(tenantId));
    await inTenant(tenantId, (db) => applyMutation(db, ci, { type: "delta", upserts: [], removals: ["component:default/beta"] }));
    expect(await names(tenantId)).toEqual(["alpha"]);

    // ingestCatalogText (and the source's last-mutation time on the entity page).
    const before = (await warm(() => readEntityPage(scope, "component:default/alpha")))?.source?.lastMutationAt ?? null;
    await inTenant(tenantId, (db) => ingestCatalogText(db, ci, { text: [component("alpha", "team-b", "  system: zeta"), component("gamma")].join("\n---\n"), format: "yaml", mode: "full" }));
    expect(await names(tenantId)).toEqual(["alpha", "gamma"]);
    const after = (await readEntityPage(scope, "component:default/alpha"))?.source?.lastMutationAt;
    expect(after).toBeInstanceOf(Date);
    expect(after!.getTime()).toBeGreaterThan(before?.getTime() ?? 0);

    // A held full mutation, then confirmHeldMutation.
    const held = await inTenant(tenantId, (db) => applyMutation(db, ci, { type: "full", entities: [] }));
    expect(held.held).not.toBeNull();
    expect(await warm(() => names(tenantId))).toEqual(["alpha", "gamma"]);
    await inTenant(tenantId, (db) => confirmHeldMutation(db, held.held!.id));
    expect(await names(tenantId)).toEqual([]);

    // removeSource keeping entities (orphans), then removeOrphans.
    const upload = await inTenant(tenantId, async (db) => {
      const source = await ensureSource(db, { kind: "UPLOAD", key: "file" });
      await applyMutation(db, source, { type: "full", entities: entities(component("delta"), component("epsilon")) });
      return source;
    });
    expect((await warm(() => readCatalogPage(scope, { filters: {}, limit: 10 }))).rows.map((row) => row.orphanedAt)).toEqual([null, null]);
    await inTenant(tenantId, (db) => removeSource(db, upload, { keepEntities: true }));
    const orphaned = (await readCatalogPage(scope, { filters: {}, limit: 10 })).rows;
    expect(orphaned.every((row) => row.orphanedAt instanceof Date)).toBe(true);
    expect((await readEntityPage(scope, "component:default/delta"))?.source).toBeNull();
    await inTenant(tenantId, (db) => removeOrphans(db, [orphaned[0]!.id]));
    expect(await names(tenantId)).toEqual(["epsilon"]);

    // removeEntities (the REST API's DELETE /entities/by-uid).
    expect(await warm(() => readEntityPage(scope, "component:default/epsilon"))).not.toBeNull();
    await inTenant(tenantId, (db) => removeEntities(db, [orphaned[1]!.id]));
    expect(await readEntityPage(scope, "component:default/epsilon")).toBeNull();

    // removeSource deleting its entities.
    await inTenant(tenantId, (db) => applyMutation(db, ci, { type: "full", entities: entities(component("zulu")) }));
    expect(await warm(() => names(tenantId))).toEqual(["zulu"]);
    await inTenant(tenantId, (db) => removeSource(db, ci, { keepEntities: false }));
    expect(await names(tenantId)).toEqual([]);
  });

  it("keeps each tenant's pages apart, under the Redis key prefix", async () => {
    const [a, b] = [await newTenant(), await newTenant()];
    await inTenant(a, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { type: "full", entities: entities(component("only-in-a")) }));
    expect(await warm(() => names(a))).toEqual(["only-in-a"]);
    // Same read, same input, other tenant: its own (empty) page, never A's cached one.
    expect(await names(b)).toEqual([]);
    expect(await searchCatalog({ tenantId: b }, "only-in-a", 5)).toEqual([]);
    const keys = await sharedRedis().keys(`${queueEnv().REDIS_PREFIX}:catalog-cache:{${a}}:*`);
    expect(keys.length).toBeGreaterThan(1); // the generation and the pages
    expect(keys.every((key) => key.startsWith(`${queueEnv().REDIS_PREFIX}:catalog-cache:{${a}}:`))).toBe(true);
  });

  it("never reuses an old page when the generation key is lost (evicted or expired)", async () => {
    const tenantId = await newTenant();
    await inTenant(tenantId, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { type: "full", entities: entities(component("kept")) }));
    await warm(() => names(tenantId));
    const lost = Number(await sharedRedis().get(generationKey(tenantId)));
    await sharedRedis().del(generationKey(tenantId));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const misses = catalogCacheCounters().miss;
    expect(await names(tenantId)).toEqual(["kept"]);
    expect(catalogCacheCounters().miss).toBe(misses + 1);
    expect(Number(await sharedRedis().get(generationKey(tenantId)))).toBeGreaterThan(lost);
  });

  it("answers from Postgres-built JSON exactly what the row reads return", async () => {
    const tenantId = await newTenant();
    const source = await inTenant(tenantId, (db) => ensureSource(db, { kind: "PUSH", key: "ci" }));
    await inTenant(tenantId, (db) => applyMutation(db, source, { type: "full", entities: entities(component("one"), component("two", "team-b"), component("three", "team-b", "  system: sys")) }));
    await inTenant(tenantId, (db) => removeSource(db, source, { keepEntities: true })); // orphans: a date that is not null
    for (const filters of [{}, { kind: ["component"] }, { owner: ["group:default/team-b"] }, { kind: ["component", "group"] }]) {
      const query = { filters, sort: { field: "name" as const, order: "desc" as const }, limit: 2 };
      const expected = await inTenant(tenantId, async (db) => ({ rows: await db.catalogReads.list(query), total: await db.catalogReads.count(filters) }));
      expect(await readCatalogPage({ tenantId }, query)).toEqual(expected);
      expect(await readCatalogPage({ tenantId }, query)).toEqual(expected); // and from the cache
      const facets = await inTenant(tenantId, (db) => db.catalogReads.facets(filters, undefined, 100));
      expect(await readCatalogFacets({ tenantId }, filters, undefined, 100)).toEqual(facets);
    }
    const graphQuery = { rootRefs: ["component:default/three"], types: ["partOf", "hasPart", "ownedBy"], depth: 2, maxNodes: 10 };
    expect(await readEntityGraph({ tenantId }, graphQuery)).toEqual(await inTenant(tenantId, (db) => db.catalogReads.graph(graphQuery)));
    expect(await readEntityGraph({ tenantId }, { ...graphQuery, rootRefs: ["component:default/nope"] })).toBeNull();
    const hits = await inTenant(tenantId, (db) => db.catalogReads.search("team-b", 10));
    expect(await searchCatalog({ tenantId }, "Team-B ", 10)).toEqual(hits);
  });

  // Last: a Redis failure makes this module skip the cache for a few seconds.
  it("answers from the database when Redis is unreachable", async () => {
    const broken = createRedis("producer", "redis://127.0.0.1:1");
    try {
      const bypassed = catalogCacheCounters().bypass;
      expect(await cachedRead(randomUUID(), "test", { any: "input" }, async () => "from the database", undefined, broken)).toBe("from the database");
      expect(catalogCacheCounters().bypass).toBe(bypassed + 1);
    } finally {
      broken.disconnect();
    }
  });
});
