import { randomBytes, randomUUID } from "node:crypto";

import { withTenant } from "@greenroom/db";
import { describe, expect, it } from "vitest";

import { keyId, openSecrets, type Keyring } from "./crypto";
import { checkBaseUrl, createIntegration, deleteIntegration, IntegrationInputError, loadSecrets, publicIntegration, rotateIntegrationSecrets } from "./integrations";
import { BlockedAddressError } from "./network";

const keyA = randomBytes(32);
const keyB = randomBytes(32);

async function newTenant(): Promise<string> {
  const tenantId = randomUUID();
  await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: `int-${tenantId.slice(0, 8)}`, name: "Integrations test", trialEndsAt: new Date() }));
  return tenantId;
}

const input = (token: string) => ({ kind: "GITHUB" as const, name: `GitHub ${token.slice(-4)}`, config: { baseUrl: "https://github.example.com/api/v3", org: "acme" }, secrets: { token }, intervalMinutes: 30, createdById: null });

describe("integration records", () => {
  it("stores secrets sealed, never in the record or its public view", async () => {
    const tenantId = await newTenant();
    const ring: Keyring = { current: keyA, previous: [] };
    const record = await withTenant({ tenantId }, (db) => createIntegration(db, input("ghp_top-secret-value-1"), ring));
    const view = publicIntegration(record);
    expect(JSON.stringify(record)).not.toContain("ghp_top-secret-value-1");
    expect(JSON.stringify(view)).not.toContain("ghp_top-secret-value-1");
    expect(view).toMatchObject({ kind: "GITHUB", status: "ACTIVE", intervalMinutes: 30, config: { org: "acme", catalogPath: "catalog-info.yaml" } });
    const sealed = await withTenant({ tenantId }, (db) => db.integrations.secretsOf(record.id));
    expect(sealed!.secretsCiphertext).not.toContain("top-secret");
    expect(await withTenant({ tenantId }, (db) => loadSecrets(db, record.id, ring))).toEqual({ token: "ghp_top-secret-value-1" });
    // Another tenant cannot read it.
    const other = await newTenant();
    expect(await withTenant({ tenantId: other }, (db) => db.integrations.secretsOf(record.id))).toBeNull();
  });

  it("rotates: re-seals every secret under the new key, after which the old key is not needed", async () => {
    const tenantId = await newTenant();
    const before: Keyring = { current: keyA, previous: [] };
    const ids = [];
    for (const token of ["ghp_rotate-1", "ghp_rotate-2"]) ids.push((await withTenant({ tenantId }, (db) => createIntegration(db, input(token), before))).id);
    const after: Keyring = { current: keyB, previous: [keyA] };
    const outcome = await rotateIntegrationSecrets(after);
    expect(outcome.resealed).toBeGreaterThanOrEqual(2);
    expect((await rotateIntegrationSecrets(after)).resealed).toBe(0);
    for (const [index, id] of ids.entries()) {
      const sealed = (await withTenant({ tenantId }, (db) => db.integrations.secretsOf(id)))!;
      expect(sealed.secretsKeyId).toBe(keyId(keyB));
      expect(openSecrets(sealed.secretsCiphertext, id, { current: keyB, previous: [] })).toEqual({ token: `ghp_rotate-${index + 1}` });
    }
  });

  it("validates config and names only the fields of bad credentials", async () => {
    const tenantId = await newTenant();
    await expect(withTenant({ tenantId }, (db) => createIntegration(db, { ...input("x"), config: { org: "bad org!" } }, { current: keyA, previous: [] }))).rejects.toThrow(IntegrationInputError);
    await expect(withTenant({ tenantId }, (db) => createIntegration(db, { ...input("x"), secrets: { token: "" } }, { current: keyA, previous: [] }))).rejects.toThrow(/credentials: token/);
  });

  it("refuses a base URL on a private network unless the operator allows it", async () => {
    await expect(checkBaseUrl({ baseUrl: "http://127.0.0.1:8080" }, { allowPrivateNetworks: false })).rejects.toThrow(BlockedAddressError);
    await expect(checkBaseUrl({ baseUrl: "http://10.0.0.5/api/v3" }, { allowPrivateNetworks: false })).rejects.toThrow(BlockedAddressError);
    await expect(checkBaseUrl({ baseUrl: "http://127.0.0.1:8080" }, { allowPrivateNetworks: true })).resolves.toBeInstanceOf(URL);
  });

  it("disconnects, keeping or removing its entities", async () => {
    const tenantId = await newTenant();
    const record = await withTenant({ tenantId }, (db) => createIntegration(db, input("ghp_delete"), { current: keyA, previous: [] }));
    expect(await withTenant({ tenantId }, (db) => deleteIntegration(db, record.id, { keepEntities: true }))).toEqual({ deleted: 0, orphaned: 0 });
    expect(await withTenant({ tenantId }, (db) => db.integrations.findById(record.id))).toBeNull();
    expect(await withTenant({ tenantId }, (db) => deleteIntegration(db, record.id, { keepEntities: true }))).toBeNull();
  });
});
