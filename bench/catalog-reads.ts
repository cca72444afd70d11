import type { ParsedEntity } from "@greenroom/catalog";
import { bumpCatalogGeneration, catalogCacheCounters, readCatalogFacets, readCatalogPage, readEntityGraph, readEntityPage, searchCatalog } from "@greenroom/catalog/reads";
import type { TenantScope } from "@greenroom/db";

import { printTable, summarise, type Summary } from "./lib/stats";

// The catalog pages' reads as the tRPC procedures make them (packages/api/src/routers/catalog:
// list, facets, search, entity, graph all go through @greenroom/catalog/reads), timed from the
// call to the result. Each runs cold (the tenant's cache generation is moved on before every
// call, outside the timing: Redis lookup, miss, read-only tenant transaction, Redis store) and
// warm (the same inputs again: one Redis round trip). Not included, in either: the org lookup
// and membership check orgProcedure makes before any catalog procedure.

const GRAPH_TYPES = ["dependsOn", "dependencyOf", "providesApi", "consumesApi", "apiProvidedBy", "apiConsumedBy", "partOf", "hasPart"];
const SIDEBAR_FACETS = ["kind", "type", "owner", "lifecycle", "tag", "system", "namespace"] as const;
const TERMS = ["paymnets", "checkout gateway", "team-search", "ledger", "invoice api", "recomendations", "kafka", "fraud-worker"];
/** Warm entity pages and graphs cycle through this many entities (a popular set), all cached first. */
const WARM_ENTITIES = 50;

type Scenario = { label: string; run: (i: number) => Promise<unknown> };

function scenarios(scope: TenantScope, entities: ParsedEntity[], mode: "cold" | "warm"): Scenario[] {
  const components = entities.filter((entity) => entity.entity.kind === "Component").map((entity) => entity.ref);
  const teams = entities.filter((entity) => entity.entity.kind === "Group").map((entity) => entity.entity.metadata.name);
  // Cold walks the whole catalog (every call a different entity); warm revisits a popular few.
  const component = (i: number) => components[(i * 7919) % (mode === "cold" ? components.length : WARM_ENTITIES)]!;
  const team = (i: number) => teams[(i * 104729) % (mode === "cold" ? teams.length : WARM_ENTITIES)]!;
  // The table's first page: rows plus one (is there a next page?) and the total; beside it the sidebar.
  const page = (filters: Record<string, string[]>) => Promise.all([readCatalogPage(scope, { filters, limit: 51 }), readCatalogFacets(scope, filters, SIDEBAR_FACETS, 100)]);
  return [
    { label: "list page + count + facets (no filter)", run: () => page({}) },
    { label: "list + count + facets (kind=component)", run: () => page({ kind: ["component"] }) },
    {
      label: "list + count (kind, lifecycle, owner)",
      run: (i) => readCatalogPage(scope, { filters: { kind: ["component"], lifecycle: ["production"], owner: [`group:default/${team(i)}`] }, limit: 51 }),
    },
    { label: "search (typo-tolerant, ranked)", run: (i) => searchCatalog(scope, TERMS[i % TERMS.length]!, 10) },
    { label: "entity page (entity + relations + source)", run: (i) => readEntityPage(scope, component(i)) },
    { label: "dependency graph (depth 2)", run: (i) => readEntityGraph(scope, { rootRefs: [component(i)], types: GRAPH_TYPES, depth: 2, maxNodes: 1000 }) },
  ];
}

/** `clients` loops of `iterations` calls; `prepare` runs before each call, outside its timing. */
async function timed(clients: number, iterations: number, run: (i: number) => Promise<unknown>, prepare: () => Promise<void>): Promise<Summary> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let n = 0; n < iterations; n++) {
        const i = next++;
        await prepare();
        const started = performance.now();
        await run(i);
        samples.push(performance.now() - started);
      }
    }),
  );
  return summarise(samples);
}

/** Runs every scenario single and 16-concurrent, cold then warm; prints both tables; returns the worst p99 of each. */
export async function benchCatalogReads(scope: TenantScope, entities: ParsedEntity[], title: string): Promise<{ cold: number; warm: number }> {
  const worst = { cold: 0, warm: 0 };
  for (const mode of ["cold", "warm"] as const) {
    const prepare = mode === "cold" ? () => bumpCatalogGeneration(scope.tenantId) : async () => undefined;
    const rows: { label: string; summary: Summary }[] = [];
    const outcomes: string[] = [];
    for (const scenario of scenarios(scope, entities, mode)) {
      // Warm-up: plans, (warm) every input this scenario will ask for, and a full connection
      // pool, as a running server has: opening connections is not a read's cost.
      for (let i = 0; i < (mode === "warm" ? WARM_ENTITIES * 2 : 20); i++) await scenario.run(i);
      await timed(16, 2, scenario.run, prepare);
      const before = catalogCacheCounters();
      rows.push({ label: scenario.label, summary: await timed(1, 200, scenario.run, prepare) });
      rows.push({ label: "  … 16 concurrent", summary: await timed(16, 25, scenario.run, prepare) });
      const after = catalogCacheCounters();
      outcomes.push(`${scenario.label}: ${after.hit - before.hit} hits, ${after.miss - before.miss} misses, ${after.bypass - before.bypass} bypassed`);
    }
    const heading =
      mode === "cold"
        ? "COLD: every read misses the cache (Redis lookup + read-only tenant transaction + Redis store)"
        : "WARM: every read hits the cache (one Redis round trip, no database)";
    printTable(`${title}\n  ${heading}`, rows);
    for (const line of outcomes) console.log(`    cache: ${line}`);
    worst[mode] = Math.max(...rows.map((row) => row.summary.p99));
  }
  return worst;
}
