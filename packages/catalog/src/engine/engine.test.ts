import { randomUUID } from "node:crypto";

import { prisma, withTenant, type TenantDb } from "@greenroom/db";
import { catalogRowVersions } from "@greenroom/db/testing";
import { describe, expect, it } from "vitest";

import { parseCatalogYaml } from "../parse-yaml";
import { applyMutation } from "./apply-mutation";
import { ingestCatalogText } from "./ingest";
import { confirmHeldMutation, ensureSource, removeOrphans, removeSource } from "./sources";

async function newTenant(): Promise<string> {
  const tenantId = randomUUID();
  await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: `cat-${tenantId.slice(0, 8)}`, name: "Catalog test", trialEndsAt: new Date() }));
  return tenantId;
}

const yaml = (docs: string[]) => docs.join("\n---\n");
const component = (name: string, extra = "") => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  tags: [payments, java]
spec:
  type: service
  lifecycle: production
  owner: team-a
  system: checkout
${extra}`;
const group = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${name} }
spec: { type: team, children: [] }`;

function entities(docs: string[]) {
  const { entities, errors } = parseCatalogYaml(yaml(docs));
  expect(errors).toEqual([]);
  return entities;
}


const inTenant = <T>(tenantId: string, work: (db: TenantDb) => Promise<T>) => withTenant({ tenantId }, work);

describe("the catalog write engine", () => {
  it("creates entities with both directions of every relation, and an unchanged full write touches no rows", async () => {
    const tenantId = await newTenant();
    const docs = [component("payments", "  providesApis: [payments-api]\n  dependsOn: [resource:default/payments-db]"), group("team-a")];
    const first = await inTenant(tenantId, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { type: "full", entities: entities(docs) }));
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0, deleted: 0, held: null });

    const relations = await inTenant(tenantId, (db) => db.catalogReads.relationsOf("component:default/payments"));
    expect(relations.map((relation) => [relation.type, relation.targetRef, relation.targetExists])).toEqual([
      ["dependsOn", "resource:default/payments-db", false],
      ["ownedBy", "group:default/team-a", true],
      ["partOf", "system:default/checkout", false],
      ["providesApi", "api:default/payments-api", false],
    ]);
    const teamRelations = await inTenant(tenantId, (db) => db.catalogReads.relationsOf("group:default/team-a"));
    expect(teamRelations.map((relation) => [relation.type, relation.targetRef])).toEqual([["ownerOf", "component:default/payments"]]);

    const before = await catalogRowVersions(tenantId);
    const again = await inTenant(tenantId, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { type: "full", entities: entities(docs) }));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, deleted: 0 });
    expect(await catalogRowVersions(tenantId)).toEqual(before);
  });

  it("keeps references to entities that do not exist yet and resolves them when they arrive", async () => {
    const tenantId = await newTenant();
    await inTenant(tenantId, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "a" }), { type: "full", entities: entities([component("web")]) }));
    const dangling = await inTenant(tenantId, (db) => db.catalogReads.relationsOf("component:default/web"));
    expect(dangling.find((relation) => relation.type === "ownedBy")).toMatchObject({ targetExists: false });
    await inTenant(tenantId, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "b" }), { type: "full", entities: entities([group("team-a")]) }));
    const resolved = await inTenant(tenantId, (db) => db.catalogReads.relationsOf("component:default/web"));
    expect(resolved.find((relation) => relation.type === "ownedBy")).toMatchObject({ targetExists: true, targetKind: "group" });
    // The arriving group sees what it owns too.
    const owned = await inTenant(tenantId, (db) => db.catalogReads.relationsOf("group:default/team-a"));
    expect(owned.map((relation) => relation.type)).toContain("ownerOf");
  });

  it("recomputes relations only for the entity that changed", async () => {
    const tenantId = await newTenant();
    const source = await inTenant(tenantId, (db) => ensureSource(db, { kind: "PUSH", key: "ci" }));
    await inTenant(tenantId, (db) => applyMutation(db, source, { type: "full", entities: entities([component("one"), component("two")]) }));
    const two = await inTenant(tenantId, (db) => db.catalogReads.getByRef("component:default/two"));
    const rowsOfTwo = async () => (await catalogRowVersions(tenantId)).filter((version) => version.includes(two!.id));
    const before = await rowsOfTwo();
    expect(before.length).toBeGreaterThan(4); // entity, relations, tags, search document

    const result = await inTenant(tenantId, (db) =>
      applyMutation(db, source, { type: "full", entities: entities([component("one").replace("team-a", "team-b"), component("two")]) }),
    );
    expect(result).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await rowsOfTwo()).toEqual(before);
    const oneRelations = await inTenant(tenantId, (db) => db.catalogReads.relationsOf("component:default/one"));
    expect(oneRelations.find((relation) => relation.type === "ownedBy")?.targetRef).toBe("group:default/team-b");
  });

  it("records a second source claiming an owned entity as a conflict and never overwrites", async () => {
    const tenantId = await newTenant();
    await inTenant(tenantId, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "owner" }), { type: "full", entities: entities([component("shared")]) }));
    const claim = await inTenant(tenantId, async (db) =>
      applyMutation(db, await ensureSource(db, { kind: "UPLOAD", key: "someone" }), { type: "full", entities: entities([component("shared").replace("team-a", "intruders")]) }),
    );
    expect(claim.conflicts).toHaveLength(1);
    const entity = await inTenant(tenantId, (db) => db.catalogReads.getByRef("component:default/shared"));
    expect(entity!.ownerRef).toBe("group:default/team-a");
    const conflicts = await inTenant(tenantId, (db) => db.catalogWrites.listConflicts());
    expect(conflicts).toEqual([expect.objectContaining({ ref: "component:default/shared" })]);
  });

  it("holds a full mutation that would delete more than 20% until an admin confirms", async () => {
    const tenantId = await newTenant();
    const source = await inTenant(tenantId, (db) => ensureSource(db, { kind: "INTEGRATION", key: "github" }));
    const ten = Array.from({ length: 10 }, (_, i) => component(`svc-${i}`));
    await inTenant(tenantId, (db) => applyMutation(db, source, { type: "full", entities: entities(ten) }));
    const before = await catalogRowVersions(tenantId);

    // An upstream outage: the source suddenly has nothing.
    const outage = await inTenant(tenantId, (db) => applyMutation(db, source, { type: "full", entities: [] }));
    expect(outage.held).toMatchObject({ wouldDelete: 10, existingCount: 10 });
    expect(await catalogRowVersions(tenantId)).toEqual(before);

    // Two of ten (20%) is within the guard; three (30%) is held.
    const small = await inTenant(tenantId, (db) => applyMutation(db, source, { type: "full", entities: entities(ten.slice(2)) }));
    expect(small).toMatchObject({ deleted: 2, held: null });
    const big = await inTenant(tenantId, (db) => applyMutation(db, source, { type: "full", entities: entities(ten.slice(2, 5)) }));
    expect(big.held).toMatchObject({ wouldDelete: 5, existingCount: 8 });
    expect(await inTenant(tenantId, (db) => db.catalogReads.count({}))).toBe(8);

    const confirmed = await inTenant(tenantId, (db) => confirmHeldMutation(db, big.held!.id));
    expect(confirmed).toMatchObject({ deleted: 5, unchanged: 3 });
    expect(await inTenant(tenantId, (db) => db.catalogReads.count({}))).toBe(3);
    await expect(inTenant(tenantId, (db) => confirmHeldMutation(db, big.held!.id))).rejects.toThrow(/already confirmed/);
  });

  it("applies deltas, and keeps a removed source's entities as orphans that can be adopted or removed", async () => {
    const tenantId = await newTenant();
    const source = await inTenant(tenantId, (db) => ensureSource(db, { kind: "PUSH", key: "ci" }));
    await inTenant(tenantId, (db) => applyMutation(db, source, { type: "delta", upserts: entities([component("a"), component("b"), component("c")]) }));
    const delta = await inTenant(tenantId, (db) => applyMutation(db, source, { type: "delta", upserts: entities([component("d")]), removals: ["component:default/a"] }));
    expect(delta).toMatchObject({ created: 1, deleted: 1 });

    const removed = await inTenant(tenantId, (db) => removeSource(db, source, { keepEntities: true }));
    expect(removed).toEqual({ deleted: 0, orphaned: 3 });
    expect(await inTenant(tenantId, (db) => db.catalogReads.count({ orphaned: true }))).toBe(3);

    const adopter = await inTenant(tenantId, (db) => ensureSource(db, { kind: "UPLOAD", key: "new-home" }));
    const adopted = await inTenant(tenantId, (db) => applyMutation(db, adopter, { type: "delta", upserts: entities([component("b")]) }));
    expect(adopted).toMatchObject({ updated: 1, conflicts: [] });
    expect(await inTenant(tenantId, (db) => removeOrphans(db))).toBe(2);
    expect(await inTenant(tenantId, (db) => db.catalogReads.count({}))).toBe(1);
  });

  it("reports bad documents by name, field and rule, and still writes the good ones", async () => {
    const tenantId = await newTenant();
    const text = yaml([component("good"), "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: Bad Name! }\nspec: { type: service, lifecycle: x, owner: y }", "key: [unclosed", group("team-a")]);
    const result = await inTenant(tenantId, async (db) => ingestCatalogText(db, await ensureSource(db, { kind: "UPLOAD", key: "file" }), { text, format: "yaml", mode: "full" }));
    expect(result).toMatchObject({ accepted: 2, created: 2 });
    expect(result.errors.map((error) => [error.documentIndex, error.path, error.rule])).toEqual(
      expect.arrayContaining([[1, "metadata.name", expect.any(String)], [2, expect.any(String), expect.any(String)]]),
    );
  });
});

describe("catalog search", () => {
  it("is typo-tolerant and ranked, and cannot be steered to another tenant", async () => {
    const tenantA = await newTenant();
    const tenantB = await newTenant();
    const docs = [component("payments-gateway"), component("payroll"), component("inventory"), group("team-a")];
    await inTenant(tenantA, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { type: "full", entities: entities(docs) }));

    const typo = await inTenant(tenantA, (db) => db.catalogReads.search("paymnets", 10));
    expect(typo[0]?.ref).toBe("component:default/payments-gateway");
    const byTag = await inTenant(tenantA, (db) => db.catalogReads.search("java", 10));
    expect(byTag.map((hit) => hit.name).sort()).toEqual(["inventory", "payments-gateway", "payroll"]);
    const byOwner = await inTenant(tenantA, (db) => db.catalogReads.search("team-a", 10));
    expect(byOwner.length).toBeGreaterThanOrEqual(3);

    // Tenant B sees nothing of A, whatever it searches for; no tenant set sees nothing at all.
    expect(await inTenant(tenantB, (db) => db.catalogReads.search("payments", 10))).toEqual([]);
    const unscoped = await prisma().$queryRaw<unknown[]>`SELECT * FROM catalog_search.search('payments', 10)`;
    expect(unscoped).toEqual([]);
  });
});

describe("facet counts", () => {
  it("move with every create, update and delete, and match a recount", async () => {
    const tenantId = await newTenant();
    const source = await inTenant(tenantId, (db) => ensureSource(db, { kind: "PUSH", key: "ci" }));
    await inTenant(tenantId, (db) => applyMutation(db, source, { type: "full", entities: entities([component("a"), component("b"), component("c"), group("team-a")]) }));
    await inTenant(tenantId, (db) =>
      applyMutation(db, source, { type: "full", entities: entities([component("a").replace("production", "deprecated"), component("b").replace("[payments, java]", "[go]"), group("team-a")]) }, { confirmDeletions: true }),
    );
    const maintained = await inTenant(tenantId, (db) => db.catalogReads.facets({}));
    // A recount through the scanning path (any non-kind filter takes it) must agree.
    const recount = await inTenant(tenantId, (db) => db.catalogReads.facets({ namespace: ["default"] }));
    for (const facet of ["kind", "type", "lifecycle", "owner", "tag"] as const) {
      expect(maintained[facet]).toEqual(recount[facet]);
    }
    expect(maintained.lifecycle).toEqual([{ value: "deprecated", count: 1 }, { value: "production", count: 1 }]);
    expect(maintained.tag).toEqual([{ value: "go", count: 1 }, { value: "java", count: 1 }, { value: "payments", count: 1 }]);
    expect(await inTenant(tenantId, (db) => db.catalogReads.count({ kind: ["Component"] }))).toBe(2);
    const byKind = await inTenant(tenantId, (db) => db.catalogReads.facets({ kind: ["group"] }));
    expect(byKind.type).toEqual([{ value: "team", count: 1 }]);
    // Several kinds sum their maintained rows; the scan agrees.
    const kinds = ["component", "group"];
    const summed = await inTenant(tenantId, (db) => db.catalogReads.facets({ kind: kinds }));
    const scanned = await inTenant(tenantId, (db) => db.catalogReads.facets({ kind: kinds, namespace: ["default"] }));
    for (const facet of ["kind", "type", "lifecycle", "owner", "tag"] as const) {
      expect(summed[facet]).toEqual(scanned[facet]);
    }
  });
});
