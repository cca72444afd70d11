import { randomUUID } from "node:crypto";

import { parseCatalogEntities, type ParsedEntity } from "@greenroom/catalog";
import { applyMutation, ensureSource, ingestCatalogText, removeSource } from "@greenroom/catalog/engine";
import { generateCatalog, sizeFor } from "@greenroom/catalog/fixtures";
import { BULK_WRITE, withGlobal, withTenant } from "@greenroom/db";
import pg from "pg";
import { stringify } from "yaml";

import { benchCatalogReads } from "./catalog-reads";
import { benchEnv } from "./env";
import { withBenchDatabase } from "./lib/bench-database";

const SMALL_TENANTS = 999;
const SMALL_TENANT_ENTITIES = 60;
const LARGE_TENANT_ENTITIES = 100_000;
/** Ingest tenants get fresh slugs per run, so a reused BENCH_DATABASE takes another run. */
const RUN = randomUUID().slice(0, 8);

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
  await withTenant({ tenantId }, async (db) => applyMutation(db, await ensureSource(db, { kind: "PUSH", key: "bench" }), { type: "full", entities }, { confirmDeletions: true }), BULK_WRITE);
}

/**
 * Statistics and visibility maps, as autovacuum would leave them a minute after the seed (it is
 * off on these machines, and a never-analysed catalog gets plans no production database would).
 */
async function analyze(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query("VACUUM (ANALYZE)");
  } finally {
    await admin.end();
  }
}

/** Seeds 999 small tenants and the large one, or finds them in a reused BENCH_DATABASE. */
async function seedOrReuse(largeEntities: ParsedEntity[], adminUrl: string): Promise<string> {
  const existing = await withGlobal((db) => db.organizations.findBySlug("bigco"));
  if (existing && (await withTenant({ tenantId: existing.id }, (db) => db.catalogReads.count({}))) === largeEntities.length) {
    console.log(`reusing the seeded database (bigco: ${largeEntities.length} entities)`);
    return existing.id;
  }
  if (existing) throw new Error("BENCH_DATABASE holds a partly seeded bench: drop it and run again");

  let started = performance.now();
  const small = parsed(generateCatalog({ seed: 7, size: sizeFor(SMALL_TENANT_ENTITIES) }));
  for (let i = 0; i < SMALL_TENANTS; i++) await seedTenant(await createTenant(`bench-${i}`), small);
  console.log(`seeded ${SMALL_TENANTS} tenants × ${small.length} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  started = performance.now();
  const large = await createTenant("bigco");
  for (let i = 0; i < largeEntities.length; i += 10_000) {
    await withTenant({ tenantId: large }, async (db) =>
      applyMutation(db, await ensureSource(db, { kind: "PUSH", key: `bench-${i / 10_000}` }), { type: "full", entities: largeEntities.slice(i, i + 10_000) }), BULK_WRITE,
    );
  }
  console.log(`seeded the large tenant with ${largeEntities.length} entities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  await analyze(adminUrl);
  console.log(`vacuumed and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return large;
}

/** Catalog reads at scale (DESIGN.md targets: p99 < 50 ms at 100k entities among 1,000 tenants). */
export async function benchCatalog(): Promise<void> {
  await withBenchDatabase(async (urls) => {
    process.env.DATABASE_URL = urls.appUrl;
    process.env.DATABASE_POOL_MAX = "20";
    process.env.REDIS_URL = benchEnv().BENCH_REDIS_URL;
    process.env.REDIS_PREFIX = `bench-${urls.database}`;

    const largeEntities = parsed(generateCatalog({ seed: 11, size: sizeFor(LARGE_TENANT_ENTITIES), org: "bigco" }));
    const large = await seedOrReuse(largeEntities, urls.adminUrl);
    await withTenant({ tenantId: large }, (db) => db.catalogReads.count({})).then((n) => console.log(`large tenant entities: ${n}`));

    const worst = await benchCatalogReads({ tenantId: large }, largeEntities, `Catalog reads, large tenant (${largeEntities.length} entities) among ${SMALL_TENANTS + 1} tenants`);
    console.log(`\n  worst p99: cold ${worst.cold.toFixed(1)} ms, warm ${worst.warm.toFixed(1)} ms (target < 50 ms, single and 16 concurrent)`);
    console.log("  Backstage on this machine: 152/256 ms p50/p99 for a kind=component by-query page at 16 concurrent");

    await benchIngest();
  });
}

async function benchIngest(): Promise<void> {
  const documents = generateCatalog({ seed: 23, size: sizeFor(10_000), org: "ingest" });
  const yaml = documents.map((document) => stringify(document)).join("---\n");
  const tenant = await createTenant(`ingest-${RUN}`);
  const ingest = () =>
    withTenant({ tenantId: tenant }, async (db) =>
      ingestCatalogText(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { text: yaml, format: "yaml", mode: "full", limits: { maxDocuments: 20_000, maxInputBytes: 64 * 1024 * 1024 } }), BULK_WRITE,
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
  const freshTenant = await createTenant(`fresh-${RUN}`);
  started = performance.now();
  await withTenant({ tenantId: freshTenant }, async (db) =>
    ingestCatalogText(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { text, format: "yaml", mode: "full" }), BULK_WRITE,
  );
  const probe = twoThousand.find((document) => document.kind === "Component")!;
  const relations = await withTenant({ tenantId: freshTenant }, (db) => db.catalogReads.relationsOf(`component:default/${probe.metadata.name}`));
  console.log(`  ${twoThousand.length} documents queryable with relations ${(performance.now() - started).toFixed(0)} ms after the PUT began (${relations.length} relations on the probe; Backstage: 36 s)`);

  // 16 clients pushing at once, each to its own tenant.
  const tenants = await Promise.all(Array.from({ length: 16 }, (_, i) => createTenant(`ingest-${RUN}-c${i}`)));
  started = performance.now();
  await Promise.all(
    tenants.map((tenantId) =>
      withTenant({ tenantId }, async (db) => ingestCatalogText(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { text, format: "yaml", mode: "full" }), BULK_WRITE),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`  16 concurrent ${twoThousand.length}-document pushes: ${seconds.toFixed(1)} s = ${Math.round((16 * twoThousand.length) / seconds)} entities/s overall`);

  // A reused BENCH_DATABASE keeps only the read tenants: the next run starts from the same data.
  if (benchEnv().BENCH_DATABASE) {
    for (const tenantId of [tenant, freshTenant, ...tenants]) {
      await withTenant({ tenantId }, async (db) => removeSource(db, await ensureSource(db, { kind: "PUSH", key: "ci" }), { keepEntities: false }));
    }
  }
}
