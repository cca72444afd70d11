import { withTenant } from "@greenroom/db";
import { catalogRowVersions } from "@greenroom/db/testing";
import { beforeAll, describe, expect, it } from "vitest";

import { callerFor, createOrgWithOwner, type OrgFixture } from "../testing/fixtures";
import { handleRestRequest } from "./routes";

let org: OrgFixture;
let writeToken: string;
let readToken: string;

const component = (name: string, description = "") => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: "${description}"
spec:
  type: service
  lifecycle: production
  owner: team-a
`;
const yaml = (...docs: string[]) => docs.join("---\n");

function send(method: string, source: string, body: string | ReadableStream<Uint8Array> | null, options: { token?: string; type?: string; query?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.type) headers["content-type"] = options.type;
  return handleRestRequest(
    new Request(`http://greenroom.test/api/v1/sources/${source}${options.query ?? ""}`, { method, headers, body, duplex: "half" } as RequestInit),
  );
}
const put = (source: string, body: string, type = "application/yaml", token = writeToken) => send("PUT", source, body, { token, type });


const count = () => withTenant({ tenantId: org.orgId }, (db) => db.catalogReads.count({}));

beforeAll(async () => {
  org = await createOrgWithOwner("push");
  writeToken = (await callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: "ci", scope: "WRITE" })).token;
  readToken = (await callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: "reader", scope: "READ" })).token;
});

describe("push API: PUT / PATCH / DELETE /api/v1/sources/{source}", () => {
  it("PUT replaces what the source owns; an identical PUT writes no rows", async () => {
    const first = await put("payments", yaml(component("pay-a"), component("pay-b"), component("pay-c")));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ source: "push:payments", mode: "full", created: 3, updated: 0, unchanged: 0, deleted: 0, errors: [], conflicts: [], held: null });

    const before = await catalogRowVersions(org.orgId);
    const again = await put("payments", yaml(component("pay-a"), component("pay-b"), component("pay-c")));
    expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, deleted: 0 });
    expect(await catalogRowVersions(org.orgId)).toEqual(before);

    const replaced = await put(
      "payments",
      JSON.stringify([{ apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "pay-a", description: "changed" }, spec: { type: "service", lifecycle: "production", owner: "team-a" } }, { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "pay-b", description: "" }, spec: { type: "service", lifecycle: "production", owner: "team-a" } }, { apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "pay-c", description: "" }, spec: { type: "service", lifecycle: "production", owner: "team-a" } }]),
      "application/json",
    );
    expect(await replaced.json()).toMatchObject({ updated: 1, unchanged: 2 });

    const state = await send("GET", "payments", null, { token: readToken });
    expect(await state.json()).toMatchObject({ source: "push:payments", entityCount: 3, errors: [] });
  });

  it("PATCH upserts and removes (query `remove` or JSON `{ entities, remove }`)", async () => {
    await put("patchy", yaml(component("p-1"), component("p-2")));
    const patched = await send("PATCH", "patchy", yaml(component("p-3")), { token: writeToken, type: "application/yaml", query: "?remove=component:default/p-1" });
    expect(await patched.json()).toMatchObject({ mode: "delta", created: 1, deleted: 1 });
    const json = await send(
      "PATCH",
      "patchy",
      JSON.stringify({ entities: [{ apiVersion: "backstage.io/v1alpha1", kind: "Component", metadata: { name: "p-4" }, spec: { type: "service", lifecycle: "production", owner: "team-a" } }], remove: ["component:p-2"] }),
      { token: writeToken, type: "application/json" },
    );
    expect(await json.json()).toMatchObject({ created: 1, deleted: 1 });
    const refs = await withTenant({ tenantId: org.orgId }, async (db) => (await db.catalogReads.list({ filters: { paths: [{ path: ["metadata", "name"], values: ["p-1", "p-2", "p-3", "p-4"] }] }, limit: 10 })).map((row) => row.name));
    expect(refs.sort()).toEqual(["p-3", "p-4"]);
  });

  it("reports malformed YAML and invalid documents by index, field and rule, keeps the good ones and unknown kinds", async () => {
    const body = yaml(component("ok-1"), "key: [unclosed\n", component("Bad Name!"), "apiVersion: acme.io/v1\nkind: Pipeline\nmetadata: { name: deploy }\n", "apiVersion: backstage.io/v1alpha1\nkind: 'not a kind'\nmetadata: { name: x }\n");
    const response = await put("mixed", body);
    expect(response.status).toBe(200);
    const result = (await response.json()) as { errors: { documentIndex: number; path: string; rule: string; entityRef: string | null }[] };
    expect(result).toMatchObject({ accepted: 2, created: 2 });
    expect(result.errors.map((error) => [error.documentIndex, error.path, error.rule])).toEqual([
      [1, "", "yaml-syntax"],
      [2, "metadata.name", "entity-name"],
      [4, "kind", "kind"],
    ]);
    expect(result.errors[1]?.entityRef).toBe("component:default/bad name!"); // the ref as written, so CI logs name the document

    const nothing = await put("broken", "{ not: [yaml");
    expect(nothing.status).toBe(400);
    expect(await nothing.json()).toMatchObject({ error: { name: "InputError" }, errors: [expect.objectContaining({ rule: "yaml-syntax" })] });
    const badJson = await put("broken", "[{", "application/json");
    expect(badJson.status).toBe(400);
    expect((await send("PUT", "broken", "x", { token: writeToken, type: "text/html" })).status).toBe(400);
  });

  it("holds a PUT that would delete most of the source (202, held id, admin must confirm)", async () => {
    await put("guarded", yaml(...Array.from({ length: 10 }, (_, i) => component(`g-${i}`))));
    const before = await count();
    const response = await put("guarded", yaml(component("g-0")));
    expect(response.status).toBe(202);
    const body = (await response.json()) as { held: unknown; message: string };
    expect(body.held).toMatchObject({ id: expect.any(String), wouldDelete: 9, existingCount: 10 });
    expect(body.message).toMatch(/admin must confirm it in the portal/);
    expect(await count()).toBe(before);
  });

  it("DELETE removes the source and its entities; then it is 404", async () => {
    await put("doomed", yaml(component("d-1"), component("d-2")));
    const response = await send("DELETE", "doomed", null, { token: writeToken });
    expect(await response.json()).toEqual({ source: "push:doomed", deleted: 2 });
    const again = await send("DELETE", "doomed", null, { token: writeToken });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error: { name: "NotFoundError" }, response: { statusCode: 404 } });
  });

  it("authenticates: no token 401, wrong token 401, read token 403, revoked token 401", async () => {
    expect((await send("PUT", "auth", yaml(component("a")), { type: "application/yaml" })).status).toBe(401);
    const wrong = await put("auth", yaml(component("a")), "application/yaml", `${writeToken.slice(0, -4)}0000`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { name: "AuthenticationError" } });
    const readOnly = await put("auth", yaml(component("a")), "application/yaml", readToken);
    expect(readOnly.status).toBe(403);
    expect(await readOnly.json()).toMatchObject({ error: { name: "NotAllowedError" } });

    const { token, apiToken } = await callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: "short-lived", scope: "WRITE" });
    expect((await put("auth", yaml(component("a")), "application/yaml", token)).status).toBe(200);
    await callerFor(org.owner).apiTokens.revoke({ orgSlug: org.slug, tokenId: apiToken.id });
    expect((await put("auth", yaml(component("a")), "application/yaml", token)).status).toBe(401);
  });
});

describe("push API body limits", () => {
  function lazyBody(totalBytes: number, chunkBytes = 64 * 1024) {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`# ${"x".repeat(chunkBytes - 3)}\n`);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= totalBytes) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { stream, pulled: () => pulled };
  }

  it("refuses a 100 MB body with 413 after reading at most the limit, announced or not", async () => {
    const limit = 25 * 1024 * 1024;
    const streamed = lazyBody(100 * 1024 * 1024);
    const response = await send("PUT", "huge", streamed.stream, { token: writeToken, type: "application/yaml" });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { name: "PayloadTooLargeError", message: expect.stringContaining("25.0 MiB") } });
    expect(streamed.pulled()).toBeLessThanOrEqual(limit + 2 * 64 * 1024);

    const announced = lazyBody(100 * 1024 * 1024);
    const refused = await send("PUT", "huge", announced.stream, { token: writeToken, type: "application/yaml", headers: { "content-length": String(100 * 1024 * 1024) } });
    expect(refused.status).toBe(413);
    expect(announced.pulled()).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it("imports a 10 MB file of 5,000 documents", { timeout: 180_000 }, async () => {
    const padding = "p".repeat(1_850);
    const docs = Array.from({ length: 5_000 }, (_, i) => component(`bulk-${i}`, padding));
    const body = yaml(...docs);
    expect(Buffer.byteLength(body)).toBeGreaterThan(10 * 1000 * 1000);
    const response = await put("bulk", body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 5_000, created: 5_000, errors: [] });
  });
});
