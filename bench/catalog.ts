import { randomUUID } from "node:crypto";

import { parseCatalogEntities, type ParsedEntity } from "@greenroom/catalog";
import { applyMutation, ensureSource, ingestCatalogText } from "@greenroom/catalog/engine";
import { generateCatalog, sizeFor } from "@greenroom/catalog/fixtures";
import { withTenant } from "@greenroom/db";
import { stringify } from "yaml";

import { withBenchDatabase } from "./lib/bench-database";
import { measure, measureConcurrent, printTable, type Summary } from "./lib/stats";

const SMALL_TENANTS = 999;
const SMALL_TENANT_ENTITIES = 60;
const LARGE_TENANT_ENTITIES = 100_000;

async function createTenant(slug: string): Promise<string> {
  const tenantId = randomUUID();
  await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug, name: slug, trialEndsAt: new Date() }));
  return tenantId;
}

function parsed(entities: ReturnType<typeof generateCatalog>): ParsedEntity[] {
  const result = parseCatalogEntities(entities, { maxDocuments: 1_000_000 });
  if (result.errors.length) throw new Error(`synthetic catalog invalid: ${result.errors[0]?.message}`);
  return result.entities;
}

async function seedTenant(tenantId: string, entities: ParsedEntity[]): Promise<void> {
  await withTenant({ tenantId }, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "bench" }), { type: "full", entities }, { confirmDeletions: true }));
}

/** Catalog reads at scale (DESIGN.md targets: p99 < 50 ms at 100k entities among 1,000 tenants). */
export async function benchCatalog(): Promise<void> {
  await withBenchDatabase(async (urls) => {
    process.env.DATABASE_URL = urls.appUrl;
    process.env.DATABASE_POOL_MAX = "20";

    let started = performance.now();
    const small = parsed(generateCatalog({ seed: 7, size: sizeFor(SMALL_TENANT_ENTITIES) }));
    for (let i = 0; i < SMALL_TENANTS; i++) await seedTenant(await createTenant(`bench-${i}`), small);
    console.log(`seeded ${SMALL_TENANTS} tenants × ${small.length} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    const largeEntities = parsed(generateCatalog({ seed: 11, size: sizeFor(LARGE_TENANT_ENTITIES), org: "bigco" }));
    const large = await createTenant("bigco");
    for (let i = 0; i < largeEntities.length; i += 10_000) {
      await withTenant({ tenantId: large }, async (db) =>
        applyMutation(db, await ensureSource(db, { kind: "PUSH", key: `bench-${i / 10_000}` }), { type: "full", entities: largeEntities.slice(i, i + 10_000) }),
      );
    }
    console.log(`seeded the large tenant with ${largeEntities.length} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await withTenant({ tenantId: large }, (db) => db.catalogReads.count({})).then((n) => console.log(`large tenant entities: ${n}`));

    const components = largeEntities.filter((entity) => entity.entity.kind === "Component").map((entity) => entity.ref);
    const terms = ["paymnets", "checkout gateway", "team-search", "ledger", "invoice api", "recomendations", "kafka", "fraud-worker"];
    let pick = 0;
    const nextComponent = () => components[(pick = (pick + 7919) % components.length)]!;
    const nextTerm = () => terms[(pick = (pick + 1) % terms.length)]!;
    const teams = largeEntities.filter((entity) => entity.entity.kind === "Group").map((entity) => entity.entity.metadata.name);
    const nextTeam = () => teams[(pick = (pick + 104729) % teams.length)]!;

    const scenarios: { label: string; run: () => Promise<unknown> }[] = [
      {
        label: "list page + count + facets (no filter)",
        run: () => withTenant({ tenantId: large }, async (db) => Promise.all([db.catalogReads.list({ filters: {}, limit: 50 }), db.catalogReads.count({}), db.catalogReads.facets({})])),
      },
      {
        label: "list + count + facets (kind=component)",
        run: () =>
          withTenant({ tenantId: large }, async (db) => {
            const filters = { kind: ["component"] };
            return Promise.all([db.catalogReads.list({ filters, limit: 50 }), db.catalogReads.count(filters), db.catalogReads.facets(filters)]);
          }),
      },
      {
        label: "list + count (kind, lifecycle, owner)",
        run: () =>
          withTenant({ tenantId: large }, async (db) => {
            const filters = { kind: ["component"], lifecycle: ["production"], owner: [`group:default/${nextTeam()}`] };
            return Promise.all([db.catalogReads.list({ filters, limit: 50 }), db.catalogReads.count(filters)]);
          }),
      },
      { label: "search (typo-tolerant, ranked)", run: () => withTenant({ tenantId: large }, (db) => db.catalogReads.search(nextTerm(), 10)) },
      {
        label: "entity page (entity + relations)",
        run: () =>
          withTenant({ tenantId: large }, async (db) => {
            const ref = nextComponent();
            return Promise.all([db.catalogReads.getByRef(ref), db.catalogReads.relationsOf(ref)]);
          }),
      },
      {
        label: "dependency graph (depth 2)",
        run: () =>
          withTenant({ tenantId: large }, (db) =>
            db.catalogReads.graph({ rootRefs: [nextComponent()], types: ["dependsOn", "dependencyOf", "providesApi", "consumesApi", "apiProvidedBy", "apiConsumedBy", "partOf", "hasPart"], depth: 2, maxNodes: 1000 }),
          ),
      },
    ];
    const rows: { label: string; summary: Summary }[] = [];
    for (const scenario of scenarios) {
      rows.push({ label: scenario.label, summary: await measure(200, scenario.run, 20) });
      rows.push({ label: `  … 16 concurrent`, summary: await measureConcurrent(16, 25, scenario.run) });
    }
    printTable(`Catalog reads, large tenant (${largeEntities.length} entities) among ${SMALL_TENANTS + 1} tenants`, rows);
    const worst = Math.max(...rows.map((row) => row.summary.p99));
    console.log(`  worst p99: ${worst.toFixed(1)} ms (target < 50 ms); Backstage on this machine: 152/256 ms p50/p99 for a kind=component by-query page at 16 concurrent`);

    await benchIngest();
  });
}

async function benchIngest(): Promise<void> {
  const documents = generateCatalog({ seed: 23, size: sizeFor(10_000), org: "ingest" });
  const yaml = documents.map((document) => stringify(document)).join("---\n");
  const tenant = await createTenant("ingest");
  const ingest = () =>
    withTenant({ tenantId: tenant }, async (db) =>
      ingestCatalogText(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { text: yaml, format: "yaml", mode: "full", limits: { maxDocuments: 20_000, maxInputBytes: 64 * 1024 * 1024 } }),
    );
  let started = performance.now();
  const cold = await ingest();
  const coldSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const unchanged = await ingest();
  const unchangedSeconds = (performance.now() - started) / 1000;

  console.log(`\nIngest: a ${documents.length}-document full mutation (YAML, ${(yaml.length / 1e6).toFixed(1)} MB), parse + diff + write`);
  console.log(`  cold:      ${coldSeconds.toFixed(2)} s = ${Math.round(documents.length / coldSeconds)} entities/s (created ${cold.created})`);
  console.log(`  unchanged: ${unchangedSeconds.toFixed(2)} s = ${Math.round(documents.length / unchangedSeconds)} entities/s (created ${unchanged.created}, updated ${unchanged.updated}, deleted ${unchanged.deleted}: rows written 0)`);

  // 2,000 documents: from the PUT until every relation is queryable.
  const twoThousand = generateCatalog({ seed: 29, size: sizeFor(2_000), org: "fresh" });
  const text = twoThousand.map((document) => stringify(document)).join("---\n");
  const freshTenant = await createTenant("fresh");
  started = performance.now();
  await withTenant({ tenantId: freshTenant }, async (db) =>
    ingestCatalogText(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { text, format: "yaml", mode: "full" }),
  );
  const probe = twoThousand.find((document) => document.kind === "Component")!;
  const relations = await withTenant({ tenantId: freshTenant }, (db) => db.catalogReads.relationsOf(`component:default/${probe.metadata.name}`));
  console.log(`  ${twoThousand.length} documents queryable with relations ${(performance.now() - started).toFixed(0)} ms after the PUT began (${relations.length} relations on the probe; Backstage: 36 s)`);

  // 16 clients pushing at once, each to its own tenant.
  const tenants = await Promise.all(Array.from({ length: 16 }, (_, i) => createTenant(`ingest-c${i}`)));
  started = performance.now();
  await Promise.all(
    tenants.map((tenantId) =>
      withTenant({ tenantId }, async (db) => ingestCatalogText(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { text, format: "yaml", mode: "full" })),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`  16 concurrent ${twoThousand.length}-document pushes: ${seconds.toFixed(1)} s = ${Math.round((16 * twoThousand.length) / seconds)} entities/s overall`);
}
