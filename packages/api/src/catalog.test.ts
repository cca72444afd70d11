import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";

import { catalogYaml } from "./testing/catalog-fixtures";
import { addMember, callerFor, createOrgWithOwner, type OrgFixture } from "./testing/fixtures";

const doc = (kind: string, name: string, spec: string, metadata = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${metadata}spec:\n${spec}`;

/** 30 components spread over types, lifecycles, owners and tags, for filter and paging checks. */
function bulkYaml(): string {
  const types = ["service", "website", "library"];
  const lifecycles = ["production", "experimental"];
  return Array.from({ length: 30 }, (_, i) =>
    doc(
      "Component",
      `bulk-${String(i).padStart(2, "0")}`,
      `  type: ${types[i % 3]}\n  lifecycle: ${lifecycles[i % 2]}\n  owner: ${i < 10 ? "team-red" : "team-blue"}\n  system: ${i % 5 === 0 ? "billing" : "shop"}\n`,
      `  tags: [${i % 4 === 0 ? "java" : "go"}]\n`,
    ),
  ).join("\n---\n");
}

async function expectCode(promise: Promise<unknown>, code: TRPCError["code"]) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof TRPCError && error.code === code);
}

describe("catalog procedures", () => {
  let org: OrgFixture;
  let api: ReturnType<typeof callerFor>["catalog"];
  beforeAll(async () => {
    org = await createOrgWithOwner("catalog");
    api = callerFor(org.owner).catalog;
    await api.importYaml({ orgSlug: org.slug, sourceName: "bulk", text: bulkYaml(), mode: "full" });
    await api.importYaml({ orgSlug: org.slug, sourceName: "demo", text: catalogYaml("shop"), mode: "full" });
  });

  it("filters, counts and facets, each facet ignoring its own filter", async () => {
    const services = await api.list({ orgSlug: org.slug, filters: { kind: ["Component"], type: ["service"] }, limit: 100 });
    expect(services.total).toBe(11); // 10 bulk + shop-svc
    expect(services.items.every((item) => item.type === "service")).toBe(true);

    const javaRed = await api.list({ orgSlug: org.slug, filters: { tag: ["java"], owner: ["team-red"] } });
    expect(javaRed.items.map((item) => item.name)).toEqual(["bulk-00", "bulk-04", "bulk-08"]);

    const facets = await api.facets({ orgSlug: org.slug, filters: { type: ["service"] } });
    // The type facet still offers every type; the others are narrowed to services.
    expect(facets.type.map((facet) => facet.value).sort()).toEqual(["library", "openapi", "service", "team", "website"]);
    expect(facets.lifecycle).toEqual(expect.arrayContaining([{ value: "production", count: 6 }, { value: "experimental", count: 5 }]));
    expect(facets.owner.find((facet) => facet.value === "group:default/team-red")?.count).toBe(4);
    expect(facets.kind).toEqual([{ value: "component", count: 11 }]);
  });

  it("pages with an opaque keyset cursor in both orders, without gaps or repeats", async () => {
    for (const order of ["asc", "desc"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.list({ orgSlug: org.slug, filters: { owner: ["group:default/team-blue"] }, sort: { field: "name", order }, cursor, limit: 7 });
        expect(page.total).toBe(20);
        seen.push(...page.items.map((item) => item.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const expected = Array.from({ length: 20 }, (_, i) => `bulk-${i + 10}`);
      expect(seen).toEqual(order === "asc" ? expected : expected.reverse());
    }
    // Sorting by a nullable column (system) still pages through every row once.
    const bySystem: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.list({ orgSlug: org.slug, sort: { field: "system", order: "asc" }, cursor, limit: 9 });
      bySystem.push(...page.items.map((item) => item.ref));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(bySystem).size).toBe(bySystem.length);
    expect(bySystem.length).toBe((await api.list({ orgSlug: org.slug })).total);

    const first = await api.list({ orgSlug: org.slug, sort: { field: "name", order: "asc" }, limit: 2 });
    await expectCode(api.list({ orgSlug: org.slug, sort: { field: "kind", order: "asc" }, cursor: first.nextCursor! }), "BAD_REQUEST");
    await expectCode(api.list({ orgSlug: org.slug, cursor: "not-a-cursor" }), "BAD_REQUEST");
  });

  it("serves the entity page: document, source, relations with target existence", async () => {
    const entity = await api.entity({ orgSlug: org.slug, kind: "Component", namespace: "default", name: "SHOP-SVC" });
    expect(entity).toMatchObject({ ref: "component:default/shop-svc", title: "shop Service Title", orphan: false, source: { name: "upload:demo", kind: "UPLOAD" } });
    expect((entity.document as { metadata: { name: string } }).metadata.name).toBe("shop-svc");
    const relations = entity.relations.map((relation) => [relation.type, relation.targetRef, relation.targetExists]);
    expect(relations).toEqual(
      expect.arrayContaining([
        ["ownedBy", "group:default/shop-team", true],
        ["partOf", "system:default/shop-system", true],
        ["providesApi", "api:default/shop-api", true],
        ["dependsOn", "component:default/shop-db-client", true],
      ]),
    );
    await expectCode(api.entity({ orgSlug: org.slug, kind: "component", namespace: "default", name: "nope" }), "NOT_FOUND");
  });

  it("walks the dependency neighbourhood and draws the system graph in one request each", async () => {
    const graph = await api.graph({ orgSlug: org.slug, kind: "component", namespace: "default", name: "shop-svc", depth: 1 });
    expect(graph.nodes.map((node) => node.ref).sort()).toEqual(["api:default/shop-api", "component:default/shop-db-client", "component:default/shop-svc", "system:default/shop-system"]);
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { source: "component:default/shop-svc", target: "component:default/shop-db-client", type: "dependsOn" },
        { source: "component:default/shop-svc", target: "api:default/shop-api", type: "providesApi" },
      ]),
    );
    // Each edge once, whichever direction it was stored in.
    expect(new Set(graph.edges.map((edge) => `${edge.source}${edge.type}${edge.target}`)).size).toBe(graph.edges.length);

    const system = await api.systemGraph({ orgSlug: org.slug });
    expect(system.nodes.filter((node) => node.kind === "system").map((node) => node.name)).toEqual(["shop-system"]);
    expect(system.nodes.some((node) => node.kind === "group" || node.kind === "user")).toBe(false);
    expect(system.edges).toContainEqual({ source: "api:default/shop-api", target: "system:default/shop-system", type: "partOf" });
    expect(system.truncated).toBe(false);
  });

  it("searches with typos, ranked, at most 20", async () => {
    const { hits } = await api.search({ orgSlug: org.slug, q: "shpo-svc", limit: 5 });
    expect(hits[0]).toMatchObject({ ref: "component:default/shop-svc", kind: "component" });
    await expectCode(api.search({ orgSlug: org.slug, q: "x", limit: 21 }), "BAD_REQUEST");
    expect((await api.search({ orgSlug: org.slug, q: " " })).hits).toEqual([]);
  });

  it("serves team and user pages from hasMember / ownerOf / parentOf / memberOf", async () => {
    const child = doc("Group", "shop-web", "  type: team\n  parent: shop-team\n  children: []\n");
    await api.importYaml({ orgSlug: org.slug, sourceName: "teams", text: child, mode: "full" });
    const team = await api.team({ orgSlug: org.slug, team: "shop-team" });
    expect(team.members.map((member) => [member.name, member.profile.displayName])).toEqual([["shop-alice", "shop Alice"]]);
    expect(team.owned.items.map((item) => item.ref).sort()).toEqual(["api:default/shop-api", "component:default/shop-db-client", "component:default/shop-svc", "system:default/shop-system"]);
    expect(team.children.map((group) => group.name)).toEqual(["shop-web"]);
    const web = await api.team({ orgSlug: org.slug, team: "shop-web" });
    expect(web.parent?.name).toBe("shop-team");

    // A team that is only referenced as an owner still has a page.
    const red = await api.team({ orgSlug: org.slug, team: "team-red" });
    expect(red).toMatchObject({ exists: false, owned: { total: 10 } });
    await expectCode(api.team({ orgSlug: org.slug, team: "nobody-at-all" }), "NOT_FOUND");

    const user = await api.user({ orgSlug: org.slug, user: "shop-alice" });
    expect(user.groups.map((group) => group.ref)).toEqual(["group:default/shop-team"]);
    expect(user.owned.total).toBe(4);
  });
});

describe("catalog import and administration", () => {
  it("reports bad documents by document, field and rule while importing the good ones", async () => {
    const org = await createOrgWithOwner("catimport");
    const text = [
      doc("Component", "good-one", "  type: service\n  lifecycle: production\n  owner: team-a\n"),
      doc("Component", "Bad Name!", "  type: service\n  lifecycle: production\n  owner: team-a\n"),
      doc("Component", "no-owner", "  type: service\n  lifecycle: production\n"),
      doc("Group", "team-a", "  type: team\n  children: []\n"),
    ].join("\n---\n");
    const result = await callerFor(org.owner).catalog.importYaml({ orgSlug: org.slug, sourceName: "paste", text, mode: "full" });
    expect(result).toMatchObject({ accepted: 2, created: 2, held: null, source: { name: "upload:paste" } });
    expect(result.errors.map((error) => [error.documentIndex, error.path, error.rule])).toEqual(
      expect.arrayContaining([
        [1, "metadata.name", "entity-name"],
        [2, "spec.owner", "required"],
      ]),
    );
    expect(result.errors.every((error) => error.message.length > 0)).toBe(true);
    // The last errors stay on the source for the sources page.
    const { sources } = await callerFor(org.owner).catalog.sources({ orgSlug: org.slug });
    expect(sources[0]).toMatchObject({ name: "upload:paste", entityCount: 2, errorCount: result.errors.length });

    // JSON works too, and a delta adds without removing.
    const json = JSON.stringify([{ apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "from-json" }, spec: { type: "service", lifecycle: "production", owner: "team-a" } }]);
    const delta = await callerFor(org.owner).catalog.importYaml({ orgSlug: org.slug, sourceName: "paste", text: json, mode: "delta" });
    expect(delta).toMatchObject({ created: 1, deleted: 0 });
    expect((await callerFor(org.owner).catalog.list({ orgSlug: org.slug })).total).toBe(3);
  });

  it("lets viewers read, members import, and only admins confirm held syncs, remove orphans and sources", async () => {
    const org = await createOrgWithOwner("catroles");
    const viewer = callerFor(await addMember(org, "VIEWER", "viewer")).catalog;
    const member = callerFor(await addMember(org, "MEMBER", "member")).catalog;
    const admin = callerFor(await addMember(org, "ADMIN", "admin")).catalog;
    const orgSlug = org.slug;
    const five = Array.from({ length: 5 }, (_, i) => doc("Component", `svc-${i}`, "  type: service\n  lifecycle: production\n  owner: team-a\n"));

    await expectCode(viewer.importYaml({ orgSlug, sourceName: "x", text: five[0]!, mode: "full" }), "FORBIDDEN");
    expect((await viewer.list({ orgSlug })).total).toBe(0);

    const first = await member.importYaml({ orgSlug, sourceName: "svc", text: five.join("\n---\n"), mode: "full" });
    expect(first.created).toBe(5);
    const held = await member.importYaml({ orgSlug, sourceName: "svc", text: five[0]!, mode: "full" });
    expect(held.held).toMatchObject({ wouldDelete: 4, existingCount: 5 });
    expect(held.created + held.deleted).toBe(0);

    const pending = await viewer.heldMutations({ orgSlug });
    expect(pending).toEqual([expect.objectContaining({ id: held.held!.id, wouldDelete: 4, wouldDeleteRefs: ["component:default/svc-1", "component:default/svc-2", "component:default/svc-3", "component:default/svc-4"] })]);
    await expectCode(member.confirmHeld({ orgSlug, heldId: held.held!.id }), "FORBIDDEN");
    await expectCode(member.discardHeld({ orgSlug, heldId: held.held!.id }), "FORBIDDEN");
    expect(await admin.confirmHeld({ orgSlug, heldId: held.held!.id })).toMatchObject({ deleted: 4 });
    await expectCode(admin.confirmHeld({ orgSlug, heldId: held.held!.id }), "NOT_FOUND");
    expect((await viewer.list({ orgSlug })).total).toBe(1);

    const again = await member.importYaml({ orgSlug, sourceName: "svc", text: "", mode: "full" }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(TRPCError);

    const { sources } = await viewer.sources({ orgSlug });
    const sourceId = sources[0]!.id;
    await expectCode(member.removeSource({ orgSlug, sourceId, keepEntities: true }), "FORBIDDEN");
    expect(await admin.removeSource({ orgSlug, sourceId, keepEntities: true })).toEqual({ deleted: 0, orphaned: 1 });
    const orphans = await viewer.orphans({ orgSlug });
    expect(orphans.items.map((item) => item.name)).toEqual(["svc-0"]);
    const entity = await viewer.entity({ orgSlug, kind: "component", namespace: "default", name: "svc-0" });
    expect(entity).toMatchObject({ orphan: true, source: null });

    await expectCode(member.removeOrphans({ orgSlug }), "FORBIDDEN");
    await expectCode(admin.removeOrphans({ orgSlug, entityIds: [crypto.randomUUID()] }), "NOT_FOUND");
    expect(await admin.removeOrphans({ orgSlug, entityIds: [orphans.items[0]!.id] })).toEqual({ removed: 1 });
    expect((await viewer.list({ orgSlug })).total).toBe(0);
    await expectCode(admin.removeSource({ orgSlug, sourceId, keepEntities: false }), "NOT_FOUND");
  });

  it("records conflicts instead of overwriting, and deletes a source's entities with it", async () => {
    const org = await createOrgWithOwner("catconflict");
    const api = callerFor(org.owner).catalog;
    const orgSlug = org.slug;
    const svc = doc("Component", "shared", "  type: service\n  lifecycle: production\n  owner: team-a\n");
    await api.importYaml({ orgSlug, sourceName: "first", text: svc, mode: "full" });
    const claim = await api.importYaml({ orgSlug, sourceName: "second", text: svc.replace("team-a", "team-b"), mode: "full" });
    expect(claim.conflicts).toHaveLength(1);
    expect(await api.conflicts({ orgSlug })).toEqual([expect.objectContaining({ ref: "component:default/shared", ownerSource: expect.objectContaining({ name: "upload:first" }), claimantSource: expect.objectContaining({ name: "upload:second" }) })]);
    const { sources } = await api.sources({ orgSlug });
    const first = sources.find((source) => source.name === "upload:first")!;
    expect(await api.removeSource({ orgSlug, sourceId: first.id, keepEntities: false })).toEqual({ deleted: 1, orphaned: 0 });
    expect((await api.stats({ orgSlug })).total).toBe(0);
  });
});
