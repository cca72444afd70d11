import { CATALOG_FILTER_EXISTS, CatalogClient } from "@backstage/catalog-client";
import { parseCatalogYaml } from "@greenroom/catalog";
import { applyMutation, ensureSource } from "@greenroom/catalog/engine";
import { withTenant } from "@greenroom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, createOrgWithOwner } from "../testing/fixtures";
import { serveFiles, serveHandler, type TestServer } from "../testing/http-server";
import { handleRestRequest } from "./routes";

// Locations are served from 127.0.0.1 in this test.
process.env.CATALOG_ALLOW_PRIVATE_URLS = "true";

const component = (name: string, extra: Record<string, string> = {}) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  title: ${extra.title ?? `${name} title`}
  tags: [${extra.tags ?? "java"}]
spec:
  type: ${extra.type ?? "service"}
  lifecycle: production
  owner: ${extra.owner ?? "team-a"}
${extra.system ? `  system: ${extra.system}\n` : ""}`;

const CATALOG = [
  component("payments-api-gateway", { system: "checkout" }),
  component("payments-ledger", { system: "checkout", tags: "java, money" }),
  component("web-shop", { type: "website", owner: "team-b", tags: "typescript" }),
  component("inventory", { type: "library", owner: "team-b", tags: "go" }),
  "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team, children: [] }",
  "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-b }\nspec: { type: team, children: [] }",
  "apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: alice }\nspec: { memberOf: [team-a] }",
  "apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: { name: checkout }\nspec: { owner: team-a }",
].join("\n---\n");

let api: TestServer;
let files: TestServer & { hits: string[] };
let readToken: string;
let writeToken: string;
let client: CatalogClient;
let ledgerDescription = "first";

const names = (items: { metadata: { name: string } }[]) => items.map((item) => item.metadata.name);

beforeAll(async () => {
  const org = await createOrgWithOwner("bsclient");
  readToken = (await callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: "reader", scope: "READ" })).token;
  writeToken = (await callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: "writer", scope: "WRITE" })).token;
  const { entities, errors } = parseCatalogYaml(CATALOG);
  expect(errors).toEqual([]);
  await withTenant({ tenantId: org.orgId }, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "seed" }), { type: "full", entities }));
  api = await serveHandler(handleRestRequest);
  files = await serveFiles({
    "/repo/catalog-info.yaml": `apiVersion: backstage.io/v1alpha1
kind: Location
metadata: { name: repo-root }
spec: { targets: [./services/ledger.yaml, ./catalog-info.yaml] }`,
    "/repo/services/ledger.yaml": () => component("ledger-worker", { owner: "team-a", title: `Ledger worker (${ledgerDescription})` }),
  });
  client = new CatalogClient({ discoveryApi: { getBaseUrl: async () => `${api.origin}/api/catalog` } });
});

afterAll(async () => {
  await api?.close();
  await files?.close();
});

describe("@backstage/catalog-client against /api/catalog", () => {
  it("getEntities: filters (AND within, OR across, exists, relations, tags), fields, order, offset/limit", async () => {
    const token = readToken;
    const components = await client.getEntities({ filter: { kind: "Component" } }, { token });
    expect(names(components.items)).toEqual(["inventory", "payments-api-gateway", "payments-ledger", "web-shop"]);
    const first = components.items[1]!;
    expect(first.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.metadata.etag).toMatch(/^[0-9a-f]{64}$/);
    expect(first.relations).toEqual(
      expect.arrayContaining([
        { type: "ownedBy", targetRef: "group:default/team-a" },
        { type: "partOf", targetRef: "system:default/checkout" },
      ]),
    );

    const groupsOrUsers = await client.getEntities({ filter: [{ kind: "group" }, { kind: "user" }] }, { token });
    expect(names(groupsOrUsers.items).sort()).toEqual(["alice", "team-a", "team-b"]);

    const services = await client.getEntities({ filter: { kind: "component", "spec.type": "service" }, fields: ["kind", "metadata.name"] }, { token });
    expect(services.items).toEqual([
      { kind: "Component", metadata: { name: "payments-api-gateway" } },
      { kind: "Component", metadata: { name: "payments-ledger" } },
    ]);

    const inSystem = await client.getEntities({ filter: { kind: "component", "spec.system": CATALOG_FILTER_EXISTS } }, { token });
    expect(names(inSystem.items)).toEqual(["payments-api-gateway", "payments-ledger"]);
    const ownedByB = await client.getEntities({ filter: { "relations.ownedBy": "group:default/team-b" } }, { token });
    expect(names(ownedByB.items)).toEqual(["inventory", "web-shop"]);
    const members = await client.getEntities({ filter: { kind: "user", "relations.memberof": "group:default/team-a" } }, { token });
    expect(names(members.items)).toEqual(["alice"]);
    const money = await client.getEntities({ filter: { "metadata.tags": "MONEY" } }, { token });
    expect(names(money.items)).toEqual(["payments-ledger"]);

    const ordered = await client.getEntities({ filter: { kind: "component" }, order: { field: "metadata.name", order: "desc" }, offset: 1, limit: 2 }, { token });
    expect(names(ordered.items)).toEqual(["payments-ledger", "payments-api-gateway"]);
  });

  it("queryEntities: cursor pages both ways, totalItems, fullTextFilter, orderFields", async () => {
    const token = readToken;
    const page1 = await client.queryEntities({ filter: { kind: "component" }, limit: 3, orderFields: { field: "metadata.name", order: "asc" } }, { token });
    expect(page1.totalItems).toBe(4);
    expect(names(page1.items)).toEqual(["inventory", "payments-api-gateway", "payments-ledger"]);
    expect(page1.pageInfo.prevCursor).toBeUndefined();
    const page2 = await client.queryEntities({ cursor: page1.pageInfo.nextCursor! }, { token });
    expect(names(page2.items)).toEqual(["web-shop"]);
    expect(page2.totalItems).toBe(4);
    expect(page2.pageInfo.nextCursor).toBeUndefined();
    const back = await client.queryEntities({ cursor: page2.pageInfo.prevCursor!, limit: 3 }, { token });
    expect(names(back.items)).toEqual(["inventory", "payments-api-gateway", "payments-ledger"]);
    expect(back.pageInfo.prevCursor).toBeUndefined();
    expect(back.pageInfo.nextCursor).toBeDefined();

    const search = await client.queryEntities({ fullTextFilter: { term: "LEDGER", fields: ["metadata.name", "metadata.title"] } }, { token });
    expect(names(search.items)).toEqual(["payments-ledger"]);
    const titled = await client.queryEntities({ filter: { kind: "component" }, fullTextFilter: { term: "shop title" } }, { token });
    expect(names(titled.items)).toEqual(["web-shop"]);

    const streamed: string[] = [];
    for await (const page of client.streamEntities({ filter: { kind: "component" }, pageSize: 2 }, { token })) streamed.push(...names(page));
    expect(streamed).toEqual(["inventory", "payments-api-gateway", "payments-ledger", "web-shop"]);
  });

  it("filter predicates (query): queryEntities with cursor, getEntityFacets, getEntitiesByRefs", async () => {
    const token = readToken;
    const first = await client.queryEntities(
      {
        query: { $all: [{ kind: "component" }, { $not: { "spec.type": "service" } }, { "metadata.tags": { $in: ["go", "typescript"] } }] },
        limit: 1,
        orderFields: { field: "metadata.name", order: "asc" },
      },
      { token },
    );
    expect(first.totalItems).toBe(2);
    expect(names(first.items)).toEqual(["inventory"]);
    const second = await client.queryEntities({ cursor: first.pageInfo.nextCursor! }, { token });
    expect(names(second.items)).toEqual(["web-shop"]);
    const { facets } = await client.getEntityFacets({ facets: ["spec.type"], query: { kind: "component", "spec.system": { $exists: false } } }, { token });
    expect(facets["spec.type"]).toEqual([
      { value: "library", count: 1 },
      { value: "website", count: 1 },
    ]);
    const { items } = await client.getEntitiesByRefs({ entityRefs: ["component:default/web-shop", "component:default/inventory"], query: { "spec.type": "website" } }, { token });
    expect(items.map((item) => item?.metadata.name)).toEqual(["web-shop", undefined]);
  });

  it("getEntitiesByRefs keeps request order and answers undefined for a missing ref; getEntityByRef and ancestors", async () => {
    const token = readToken;
    const { items } = await client.getEntitiesByRefs(
      { entityRefs: ["component:default/web-shop", "component:default/missing", "Group:default/Team-A"], fields: ["kind", "metadata.name"] },
      { token },
    );
    expect(items).toEqual([{ kind: "Component", metadata: { name: "web-shop" } }, undefined, { kind: "Group", metadata: { name: "team-a" } }]);

    const entity = await client.getEntityByRef("component:default/payments-ledger", { token });
    expect(entity?.spec).toMatchObject({ owner: "team-a", system: "checkout" });
    expect(await client.getEntityByRef("component:default/nope", { token })).toBeUndefined();
    const team = await client.getEntityByRef({ kind: "group", namespace: "default", name: "team-a" }, { token });
    expect(team?.relations?.filter((relation) => relation.type === "ownerOf").map((relation) => relation.targetRef).sort()).toEqual([
      "component:default/payments-api-gateway",
      "component:default/payments-ledger",
      "system:default/checkout",
    ]);
    const ancestry = await client.getEntityAncestors({ entityRef: "component:default/web-shop" }, { token });
    expect(ancestry.rootEntityRef).toBe("component:default/web-shop");
    expect(ancestry.items[0]?.entity.metadata.name).toBe("web-shop");
  });

  it("getEntityFacets counts values as written, honouring filters", async () => {
    const { facets } = await client.getEntityFacets({ facets: ["kind", "spec.type", "metadata.tags", "relations.ownedBy"], filter: { kind: "component" } }, { token: readToken });
    expect(facets.kind).toEqual([{ value: "Component", count: 4 }]);
    expect(facets["spec.type"]).toEqual([
      { value: "service", count: 2 },
      { value: "library", count: 1 },
      { value: "website", count: 1 },
    ]);
    expect(facets["metadata.tags"]).toContainEqual({ value: "java", count: 2 });
    expect(facets["relations.ownedBy"]).toEqual([
      { value: "group:default/team-a", count: 2 },
      { value: "group:default/team-b", count: 2 },
    ]);
  });

  it("locations: add (following Location targets), list, get by id/ref/entity, refresh, remove", async () => {
    const target = `${files.origin}/repo/catalog-info.yaml`;
    const dry = await client.addLocation({ target, dryRun: true }, { token: writeToken });
    expect(dry.exists).toBe(false);
    expect(dry.entities.map((entity) => entity.metadata.name).sort()).toEqual(["ledger-worker", "repo-root"]);

    const added = await client.addLocation({ target }, { token: writeToken });
    expect(added.location).toMatchObject({ type: "url", target });
    await expect(client.addLocation({ target }, { token: writeToken })).rejects.toMatchObject({ statusCode: 409, body: { error: { name: "ConflictError" } } });
    expect(files.hits.filter((hit) => hit === "/repo/catalog-info.yaml").length).toBe(2); // dry run + add; the self-reference is not re-read

    const { items } = await client.getLocations({}, { token: readToken });
    expect(items).toEqual([{ id: added.location.id, type: "url", target }]);
    expect(await client.getLocationByRef(`url:${target}`, { token: readToken })).toEqual(items[0]);
    expect(await client.getLocationById(added.location.id, { token: readToken })).toEqual(items[0]);
    expect(await client.getLocationByEntity("component:default/ledger-worker", { token: readToken })).toEqual(items[0]);
    expect(await client.getLocationByEntity("component:default/web-shop", { token: readToken })).toBeUndefined();
    const queried = await client.queryLocations({ limit: 10 }, { token: readToken });
    expect(queried).toMatchObject({ items: [items[0]], totalItems: 1 });

    const worker = await client.getEntityByRef("component:default/ledger-worker", { token: readToken });
    expect(worker?.metadata.annotations).toMatchObject({
      "backstage.io/managed-by-location": `url:${files.origin}/repo/services/ledger.yaml`,
      "backstage.io/managed-by-origin-location": `url:${target}`,
    });
    ledgerDescription = "second";
    await client.refreshEntity("component:default/ledger-worker", { token: writeToken });
    expect((await client.getEntityByRef("component:default/ledger-worker", { token: readToken }))?.metadata.title).toBe("Ledger worker (second)");

    await client.removeLocationById(added.location.id, { token: writeToken });
    expect(await client.getLocationById(added.location.id, { token: readToken })).toBeUndefined();
    expect(await client.getEntityByRef("component:default/ledger-worker", { token: readToken })).toBeUndefined();
  });

  it("removeEntityByUid, validateEntity, and Backstage-shaped errors (401, 403, 404)", async () => {
    const inventory = await client.getEntityByRef("component:default/inventory", { token: readToken });
    await expect(client.removeEntityByUid(inventory!.metadata.uid!, { token: readToken })).rejects.toMatchObject({
      statusCode: 403,
      body: { error: { name: "NotAllowedError" }, response: { statusCode: 403 } },
    });
    await client.removeEntityByUid(inventory!.metadata.uid!, { token: writeToken });
    expect(await client.getEntityByRef("component:default/inventory", { token: readToken })).toBeUndefined();
    await expect(client.removeEntityByUid(inventory!.metadata.uid!, { token: writeToken })).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { name: "NotFoundError", message: `No entity with uid ${inventory!.metadata.uid}` }, request: { method: "DELETE" } },
    });

    const valid = await client.validateEntity(
      { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "ok" }, spec: { type: "service", lifecycle: "production", owner: "team-a" } },
      "url:https://example.com/catalog-info.yaml",
      { token: readToken },
    );
    expect(valid).toEqual({ valid: true });
    const invalid = await client.validateEntity({ apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "Bad Name!" }, spec: {} }, "url:https://example.com/x.yaml", {
      token: readToken,
    });
    expect(invalid.valid).toBe(false);

    await expect(client.getEntities({}, { token: "grt_00000000000000000000000000000000_000000000000000000000000000000000000000000000000" })).rejects.toMatchObject({
      statusCode: 401,
      body: { error: { name: "AuthenticationError" } },
    });
    await expect(client.getEntities({})).rejects.toMatchObject({ statusCode: 401 });
    await expect(client.addLocation({ target: `${files.origin}/repo/catalog-info.yaml` }, { token: readToken })).rejects.toMatchObject({ statusCode: 403 });
  });
});
