import { withTenant } from "@greenroom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { callerFor, createOrgWithOwner, uniqueSuffix } from "../testing/fixtures";
import { serveFiles, type TestServer } from "../testing/http-server";
import { runRestCrossTenantHarness, type RestCall, type RestSide } from "../testing/rest-cross-tenant-harness";
import { CATALOG_BASE, handleRestRequest, PUSH_BASE, restRoutes } from "./routes";

// Locations are served from 127.0.0.1 in this test.
process.env.CATALOG_ALLOW_PRIVATE_URLS = "true";

let files: TestServer;

const component = (name: string, title = `${name} title`) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name}, title: ${title} }\nspec: { type: service, lifecycle: production, owner: team-a }\n`;

async function call(token: string, method: string, path: string, body?: string, contentType = "application/json") {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body) headers["content-type"] = contentType;
  const response = await handleRestRequest(new Request(`http://greenroom.test${path}`, { method, headers, body }));
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** An org with pushed entities (one with a secret name) and a registered location, seen through a WRITE token. */
async function side(label: string, filePath: string): Promise<RestSide & { orgId: string }> {
  const org = await createOrgWithOwner(label);
  const { token } = await callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: `${label} ci`, scope: "WRITE" });
  const secretName = `${label}-secret-${uniqueSuffix()}`;
  const source = `${label}-ci`;
  await call(token, "PUT", `${PUSH_BASE}/sources/${source}`, [component(secretName, `${label} Secret Title`), component(`${label}-other`)].join("---\n"), "application/yaml");
  const target = `${files.origin}${filePath}`;
  const registered = (await call(token, "POST", `${CATALOG_BASE}/locations`, JSON.stringify({ type: "url", target }))) as { location: { id: string } };
  const entity = (await call(token, "GET", `${CATALOG_BASE}/entities/by-name/component/default/${secretName}`)) as { metadata: { uid: string } };
  return {
    orgId: org.orgId,
    token,
    entity: { uid: entity.metadata.uid, kind: "component", namespace: "default", name: secretName },
    locationId: registered.location.id,
    locationTarget: target,
    source,
    secrets: [entity.metadata.uid, secretName, `${label} Secret Title`, registered.location.id, org.orgId],
  };
}

const snapshot = (tenantId: string) =>
  withTenant({ tenantId }, async (db) => ({
    entities: (await db.catalogReads.list({ filters: {}, limit: 1_000 })).map((row) => [row.id, row.ref, row.contentHash, row.sourceId]),
    sources: (await db.catalogSources.list()).map((source) => [source.id, source.name, source.entityCount, source.lastMutationAt?.toISOString() ?? null]),
  }));

/** Calls for the routes whose path carries no id: each aimed at the victim's rows. */
const CALLS: Record<string, (victim: RestSide, attacker: RestSide) => RestCall[]> = {
  [`POST ${CATALOG_BASE}/entities/by-refs`]: (victim) => [
    { expect: "no-victim-data", contentType: "application/json", body: JSON.stringify({ entityRefs: [`component:default/${victim.entity.name}`] }) },
  ],
  [`POST ${CATALOG_BASE}/entities/by-query`]: (victim) => [
    { expect: "no-victim-data", contentType: "application/json", body: JSON.stringify({ query: { "metadata.name": victim.entity.name } }) },
    { expect: "no-victim-data", contentType: "application/json", body: JSON.stringify({ query: { $any: [{ kind: "component" }, { "metadata.uid": victim.entity.uid }] } }) },
  ],
  [`POST ${CATALOG_BASE}/entity-facets`]: (victim) => [
    { expect: "no-victim-data", contentType: "application/json", body: JSON.stringify({ facets: ["metadata.name", "metadata.title"], query: { $not: { "metadata.name": victim.entity.name } } }) },
  ],
  [`POST ${CATALOG_BASE}/validate-entity`]: () => [
    { expect: "no-victim-data", contentType: "application/json", body: JSON.stringify({ entity: { apiVersion: "backstage.io/v1alpha1", kind: "Group", metadata: { name: "g" }, spec: { type: "team", children: [] } }, location: "url:https://example.com/x.yaml" }) },
  ],
  [`POST ${CATALOG_BASE}/refresh`]: (victim) => [{ expect: "not-found", contentType: "application/json", body: JSON.stringify({ entityRef: `component:default/${victim.entity.name}` }) }],
  // The same URL the victim registered: the attacker gets a location of its own, not a 409 and not the victim's id.
  [`POST ${CATALOG_BASE}/locations`]: (victim) => [{ expect: "no-victim-data", contentType: "application/json", body: JSON.stringify({ type: "url", target: victim.locationTarget }) }],
  [`GET ${CATALOG_BASE}/entity-facets`]: (victim) => [
    { expect: "no-victim-data", query: "?facet=metadata.name&facet=kind&facet=relations.ownedBy" },
    { expect: "no-victim-data", query: `?facet=metadata.name&filter=metadata.name=${victim.entity.name}` },
  ],
  [`POST ${CATALOG_BASE}/locations/by-query`]: () => [{ expect: "no-victim-data", contentType: "application/json", body: "{}" }],
  // Writing to a source of the victim's name creates the attacker's own source of that name.
  [`PUT ${PUSH_BASE}/sources/:source`]: () => [{ expect: "no-victim-data", contentType: "application/yaml", body: component(`intruder-${uniqueSuffix()}`) }],
  [`PATCH ${PUSH_BASE}/sources/:source`]: (victim) => [
    { expect: "no-victim-data", contentType: "application/yaml", body: component(`intruder-${uniqueSuffix()}`), query: `?remove=component:default/${victim.entity.name}` },
  ],
};

beforeAll(async () => {
  const file = component("shared-from-url");
  files = await serveFiles({ "/victim/catalog-info.yaml": file, "/attacker/catalog-info.yaml": file, "/plantv/catalog-info.yaml": file, "/planta/catalog-info.yaml": file });
});
afterAll(async () => files?.close());

describe("cross-tenant harness over every REST route", () => {
  it("gives org B's token 404 for org A's uids, refs, location ids and sources, and never A's data", async () => {
    const victim = await side("victim", "/victim/catalog-info.yaml");
    const attacker = await side("attacker", "/attacker/catalog-info.yaml");
    const { calls, failures } = await runRestCrossTenantHarness({
      routes: restRoutes,
      handle: handleRestRequest,
      victim,
      attacker,
      calls: CALLS,
      snapshotVictim: () => snapshot(victim.orgId),
    });
    expect(failures).toEqual([]);
    expect(new Set(calls.map((entry) => entry.route))).toEqual(new Set(restRoutes.map((route) => `${route.method} ${route.path}`)));

    // Not vacuous: the attacker's own token does see the attacker's own rows the same way.
    const own = (await call(attacker.token, "GET", `${CATALOG_BASE}/entities/by-uid/${attacker.entity.uid}`)) as { metadata: { name: string } };
    expect(own.metadata.name).toBe(attacker.entity.name);
    const list = (await call(attacker.token, "GET", `${CATALOG_BASE}/entities?filter=kind=component`)) as { metadata: { name: string } }[];
    expect(list.map((entity) => entity.metadata.name)).toContain(attacker.entity.name);
    expect(list.map((entity) => entity.metadata.name)).not.toContain(victim.entity.name);
    const facets = (await call(attacker.token, "GET", `${CATALOG_BASE}/entity-facets?facet=metadata.name`)) as { facets: Record<string, { value: string }[]> };
    expect(facets.facets["metadata.name"]!.map((facet) => facet.value)).not.toContain(victim.entity.name);
    const search = (await call(attacker.token, "GET", `${CATALOG_BASE}/entities/by-query?fullTextFilterTerm=secret&fullTextFilterFields=metadata.name`)) as { items: { metadata: { name: string } }[] };
    expect(search.items.map((entity) => entity.metadata.name)).toEqual([attacker.entity.name]);
  });

  it("catches a planted leak", async () => {
    const victim = await side("plantv", "/plantv/catalog-info.yaml");
    const attacker = await side("planta", "/planta/catalog-info.yaml");
    // A broken handler that answers one route with the victim's entity regardless of the token.
    const leaky = async (request: Request) =>
      new URL(request.url).pathname.includes("/by-uid/") && request.method === "GET"
        ? Response.json({ metadata: { uid: victim.entity.uid, name: victim.entity.name } })
        : handleRestRequest(request);
    const { failures } = await runRestCrossTenantHarness({ routes: restRoutes, handle: leaky, victim, attacker, calls: CALLS, snapshotVictim: () => snapshot(victim.orgId) });
    expect(failures.some((failure) => failure.startsWith(`GET ${CATALOG_BASE}/entities/by-uid/:uid`))).toBe(true);
  });
});
