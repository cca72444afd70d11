import { randomUUID } from "node:crypto";

import { prisma, withTenant, type TenantDb } from "@greenroom/db";
import { describe, expect, it } from "vitest";

import { applyMutation, ensureSource } from "../engine";
import { parseCatalogYaml } from "../parse-yaml";
import { searchCatalog } from "./catalog-pages";

// Search through the vocabulary (prisma/migrations/20261122050000_catalog_read_speed): typos
// corrected against the tenant's own words, prefixes completed, every word required unless no
// entity has them all. engine.test.ts covers the basics (typo, tag, owner, tenant pinning).

async function newTenant(): Promise<string> {
  const tenantId = randomUUID();
  await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: `search-${tenantId.slice(0, 8)}`, name: "Search test", trialEndsAt: new Date() }));
  return tenantId;
}

const component = (name: string, tags: string[]) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  tags: [${tags.join(", ")}]\nspec:\n  type: service\n  lifecycle: production\n  owner: team-a`;

function entities(...docs: string[]) {
  const { entities: parsed, errors } = parseCatalogYaml(docs.join("\n---\n"));
  expect(errors).toEqual([]);
  return parsed;
}

const inTenant = <T>(tenantId: string, work: (db: TenantDb) => Promise<T>) => withTenant({ tenantId }, work);

/** The tenant's vocabulary as the app role sees it under RLS: word → documents. */
async function vocabulary(tenantId: string): Promise<Record<string, number>> {
  const rows = await prisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    return tx.$queryRaw<{ word: string; documents: number }[]>`SELECT word, documents FROM catalog_search.words ORDER BY word`;
  });
  return Object.fromEntries(rows.map((row) => [row.word, row.documents]));
}

const names = async (tenantId: string, query: string) => (await searchCatalog({ tenantId }, query, 10)).map((hit) => hit.name);

describe("catalog search vocabulary", () => {
  it("follows every write: words counted per document, gone with their last document", async () => {
    const tenantId = await newTenant();
    const source = await inTenant(tenantId, (db) => ensureSource(db, { kind: "PUSH", key: "ci" }));
    await inTenant(tenantId, (db) => applyMutation(db, source, { type: "full", entities: entities(component("payments-gateway", ["java"]), component("payroll", ["java", "kotlin"])) }));
    const first = await vocabulary(tenantId);
    expect(first).toMatchObject({ payments: 1, gateway: 1, payroll: 1, java: 2, kotlin: 1, team: 2 });
    expect(first).not.toHaveProperty("service"); // spec.type is not searched
    // Compounds ("payments-gateway"), one- and two-letter words and numbers stay out: the
    // vocabulary is for completing and correcting words, which those are matched without.
    expect(Object.keys(first).every((word) => /^[a-z0-9]{3,40}$/.test(word) && /[a-z]/.test(word))).toBe(true);

    await inTenant(tenantId, (db) => applyMutation(db, source, { type: "full", entities: entities(component("payments-gateway", ["go"])) }, { confirmDeletions: true }));
    const second = await vocabulary(tenantId);
    expect(second).toMatchObject({ payments: 1, gateway: 1, team: 1 });
    expect(second).not.toHaveProperty("payroll");
    expect(second).not.toHaveProperty("java");
    expect(second).not.toHaveProperty("kotlin");
  });
});

describe("catalog search", () => {
  it("completes prefixes, corrects typos, requires every word unless none match them all", async () => {
    const tenantId = await newTenant();
    await inTenant(tenantId, async (db) =>
      applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), {
        type: "full",
        entities: entities(component("payments-gateway", ["java"]), component("payroll", ["java"]), component("checkout-gateway", ["go"]), component("inventory", ["go"])),
      }),
    );
    // Typeahead: a word's start finds the word.
    expect((await names(tenantId, "paym"))[0]).toBe("payments-gateway");
    // Typos in every word, hyphenated like a name.
    expect((await names(tenantId, "chekout-gatway"))[0]).toBe("checkout-gateway");
    // "payment" is not a word here but starts one.
    expect((await names(tenantId, "payment gateway"))[0]).toBe("payments-gateway");
    // Both words: only the entity that has both.
    expect(await names(tenantId, "java payroll")).toEqual(["payroll"]);
    // No entity has both words: either will do.
    expect((await names(tenantId, "payroll inventory")).sort()).toEqual(["inventory", "payroll"]);
    // Noise corrects to nothing.
    expect(await names(tenantId, "zqxwvk")).toEqual([]);
    expect(await names(tenantId, "?!")).toEqual([]);
  });

  it("corrects against the searching tenant's own vocabulary only", async () => {
    const [a, b] = [await newTenant(), await newTenant()];
    await inTenant(a, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { type: "full", entities: entities(component("payments-gateway", ["java"])) }));
    await inTenant(b, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { type: "full", entities: entities(component("inventory", ["go"])) }));
    expect(await names(a, "paymnets")).toEqual(["payments-gateway"]);
    expect(await names(b, "paymnets")).toEqual([]);
    expect(await vocabulary(b)).not.toHaveProperty("payments");
  });
});
