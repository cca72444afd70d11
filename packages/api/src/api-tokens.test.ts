import { createHash } from "node:crypto";

import { authenticateApiToken } from "@greenroom/accounts";
import { prisma, withTenant } from "@greenroom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addMember, callerFor, createOrgWithOwner, type OrgFixture } from "./testing/fixtures";
import { serveFiles, type TestServer } from "./testing/http-server";

process.env.CATALOG_ALLOW_PRIVATE_URLS = "true";

let org: OrgFixture;
let files: TestServer;
let version = 1;

beforeAll(async () => {
  org = await createOrgWithOwner("tokens");
  files = await serveFiles({
    "/svc/catalog-info.yaml": () => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: registered-svc, title: "Registered v${version}" }
spec: { type: service, lifecycle: production, owner: team-a }
`,
  });
});
afterAll(async () => files?.close());

describe("org API tokens", () => {
  it("are shown once, stored as a SHA-256 only, authenticate to their org and scope, and audit their lifecycle", async () => {
    const created = await callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: "deploy bot", scope: "READ" });
    expect(created.token).toMatch(new RegExp(`^grt_${org.orgId.replace(/-/g, "")}_[0-9a-f]{48}$`));
    expect(created.apiToken.displayHint).toBe(`grt_…${created.token.slice(-48, -42)}`);

    const listed = await callerFor(org.owner).apiTokens.list({ orgSlug: org.slug });
    expect(listed).toEqual([expect.objectContaining({ id: created.apiToken.id, name: "deploy bot", scope: "READ", lastUsedAt: null, revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(created.token.slice(-48));
    const stored = await prisma().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${org.orgId}, true)`;
      return tx.$queryRaw<{ token_hash: string }[]>`SELECT token_hash FROM api_tokens WHERE tenant_id = ${org.orgId}::uuid`;
    });
    expect(stored).toEqual([{ token_hash: createHash("sha256").update(created.token).digest("hex") }]);

    expect(await authenticateApiToken(created.token)).toEqual({ tenantId: org.orgId, tokenId: created.apiToken.id, scope: "READ" });
    // One changed character, whatever the last one was.
    const tampered = `${created.token.slice(0, -1)}${created.token.endsWith("0") ? "1" : "0"}`;
    expect(await authenticateApiToken(tampered)).toBeNull();
    expect(await authenticateApiToken("grt_nonsense")).toBeNull();
    expect(await authenticateApiToken(created.token.replace(/^grt_[0-9a-f]{8}/, "grt_00000000"))).toBeNull();

    await callerFor(org.owner).apiTokens.revoke({ orgSlug: org.slug, tokenId: created.apiToken.id });
    expect(await authenticateApiToken(created.token)).toBeNull();
    await expect(callerFor(org.owner).apiTokens.revoke({ orgSlug: org.slug, tokenId: created.apiToken.id })).rejects.toMatchObject({ code: "CONFLICT" });

    const audit = await callerFor(org.owner).audit.list({ orgSlug: org.slug });
    const actions = audit.events.filter((event) => event.targetId === created.apiToken.id).map((event) => event.action);
    expect(actions.sort()).toEqual(["api_token.created", "api_token.revoked"]);
  });

  it("records last use at most once a minute", async () => {
    const { token, apiToken } = await callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: "busy ci", scope: "WRITE" });
    const lastUsed = () => withTenant({ tenantId: org.orgId }, async (db) => (await db.apiTokens.findById(apiToken.id))?.lastUsedAt?.getTime() ?? null);
    const start = new Date("2030-01-01T00:00:00Z");
    await authenticateApiToken(token, start);
    expect(await lastUsed()).toBe(start.getTime());
    await authenticateApiToken(token, new Date(start.getTime() + 30_000));
    expect(await lastUsed()).toBe(start.getTime());
    await authenticateApiToken(token, new Date(start.getTime() + 61_000));
    expect(await lastUsed()).toBe(start.getTime() + 61_000);
  });

  it("are managed by admins only", async () => {
    const member = await addMember(org, "MEMBER", "token-member");
    await expect(callerFor(member).apiTokens.list({ orgSlug: org.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(member).apiTokens.create({ orgSlug: org.slug, name: "mine", scope: "WRITE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: "  ", scope: "READ" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("registered locations through tRPC", () => {
  it("register (members), list, refresh, remove (admins); unreadable URLs fail in words", async () => {
    const member = await addMember(org, "MEMBER", "loc-member");
    const target = `${files.origin}/svc/catalog-info.yaml`;
    const registered = await callerFor(member).locations.register({ orgSlug: org.slug, target });
    expect(registered).toMatchObject({ location: { type: "url", target }, counts: { created: 1 }, errors: [] });
    expect(registered.entities).toEqual([{ kind: "Component", namespace: "default", name: "registered-svc", title: "Registered v1" }]);
    await expect(callerFor(member).locations.register({ orgSlug: org.slug, target })).rejects.toMatchObject({ code: "CONFLICT" });

    const listed = await callerFor(member).locations.list({ orgSlug: org.slug });
    expect(listed).toEqual([expect.objectContaining({ id: registered.location.id, target, entityCount: 1, errorCount: 0 })]);

    version = 2;
    const refreshed = await callerFor(member).locations.refresh({ orgSlug: org.slug, locationId: registered.location.id });
    expect(refreshed).toMatchObject({ refreshed: true, counts: { updated: 1 } });

    await expect(callerFor(member).locations.remove({ orgSlug: org.slug, locationId: registered.location.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor(org.owner).locations.remove({ orgSlug: org.slug, locationId: registered.location.id })).toMatchObject({ deleted: 1 });
    expect(await callerFor(member).locations.list({ orgSlug: org.slug })).toEqual([]);

    await expect(callerFor(member).locations.register({ orgSlug: org.slug, target: `${files.origin}/missing.yaml` })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("was not found (HTTP 404)"),
    });
    await expect(callerFor(member).locations.register({ orgSlug: org.slug, target: "ftp://example.com/x.yaml" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
