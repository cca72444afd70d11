import { DomainError } from "@greenroom/accounts";
import type { CatalogError, Entity } from "@greenroom/catalog";
import { applyMutation, ensureSource, removeSource, sourceName, type MutationResult } from "@greenroom/catalog/engine";
import { fetchUrlText, readLocation, type LocationReadResult, type UrlReader } from "@greenroom/catalog/locations";
import { BULK_WRITE, withTenant, type CatalogSourceRecord, type Prisma, type TenantDb } from "@greenroom/db";

import { catalogEnv } from "../catalog-env";

/**
 * Registered locations (Backstage's `POST /locations`): a URL whose catalog file, and every
 * `kind: Location` target it names, is applied as one full mutation of the LOCATION source
 * `url:<target>`. URLs are read outside any database transaction (a slow server must not hold
 * a connection); the write runs in its own short tenant transaction.
 */

export type LocationRecord = { id: string; type: "url"; target: string };

export function toLocation(source: Pick<CatalogSourceRecord, "id" | "target" | "name">): LocationRecord {
  return { id: source.id, type: "url", target: source.target ?? source.name.replace(/^url:/, "") };
}

/** Plain http(s), with the SSRF guard and the size/time limits from the environment. */
const httpReader: UrlReader = {
  canRead: (url) => url.protocol === "http:" || url.protocol === "https:",
  read: async (url) => {
    const env = catalogEnv();
    const { text } = await fetchUrlText(url, {
      allowPrivateAddresses: env.CATALOG_ALLOW_PRIVATE_URLS,
      timeoutMs: env.CATALOG_FETCH_TIMEOUT_MS,
      maxBytes: env.CATALOG_FETCH_MAX_BYTES,
    });
    return text;
  },
};

/**
 * The readers for one org. The seam for the GitHub integration: once an org has connected
 * GitHub, a reader that claims github.com (and GHES) URLs and reads them with the installation's
 * token goes in front of the plain one.
 */
export function locationReaders(_tenantId: string): UrlReader[] {
  return [httpReader];
}

export function parseLocationTarget(target: string): string {
  const trimmed = target.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new DomainError("BAD_REQUEST", `"${trimmed}" is not a URL; use e.g. https://github.com/acme/payments/blob/main/catalog-info.yaml`, "target");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new DomainError("BAD_REQUEST", "Only http and https URLs can be registered", "target");
  }
  return trimmed;
}

function rootFailure(read: LocationReadResult): DomainError {
  const message = read.errors.find((error) => error.rule === "fetch-failed")?.message ?? "The location could not be read";
  const notFound = /not found \(HTTP 4(04|10)\)/.test(message);
  return new DomainError(notFound ? "NOT_FOUND" : "BAD_REQUEST", message, "target");
}

async function record(db: TenantDb, sourceId: string, errors: CatalogError[]): Promise<void> {
  await db.catalogSources.recordMutation(sourceId, errors.slice(0, 200) as unknown as Prisma.InputJsonValue);
}

export type LocationApplied = {
  location: LocationRecord;
  entities: Entity[];
  result: MutationResult | null;
  errors: CatalogError[];
  /** False when the registered file could not be read: nothing was changed, the error was recorded. */
  refreshed: boolean;
};

/** Reads a location and applies it to its source (the guard may hold a mass deletion). */
async function readAndApply(tenantId: string, source: CatalogSourceRecord, read: LocationReadResult): Promise<LocationApplied> {
  return withTenant({ tenantId }, async (db) => {
    if (read.rootFailed) {
      // Keep what the source had: an outage of the file's host must not empty the catalog.
      await record(db, source.id, read.errors);
      return { location: toLocation(source), entities: [], result: null, errors: read.errors, refreshed: false };
    }
    const result = await applyMutation(db, source, { type: "full", entities: read.entities });
    await record(db, source.id, read.errors);
    return { location: toLocation(source), entities: read.entities.map((parsed) => parsed.entity), result, errors: read.errors, refreshed: true };
  }, BULK_WRITE);
}

export async function refreshLocation(tenantId: string, locationId: string): Promise<LocationApplied> {
  const source = await withTenant({ tenantId }, (db) => findLocationSource(db, locationId));
  const read = await readLocation(toLocation(source).target, { readers: locationReaders(tenantId) });
  return readAndApply(tenantId, source, read);
}

export type RegisterLocationInput = {
  target: string;
  dryRun?: boolean;
  /** What to do when the URL is registered already: refuse (409, Backstage's default) or refresh it. */
  onConflict?: "reject" | "refresh";
  createdById?: string | null;
};

export async function registerLocation(tenantId: string, input: RegisterLocationInput): Promise<LocationApplied & { exists: boolean }> {
  const target = parseLocationTarget(input.target);
  const existing = await withTenant({ tenantId }, (db) => db.catalogSources.findByName(sourceName("LOCATION", target)));
  if (existing && !input.dryRun) {
    if (input.onConflict === "refresh") return { ...(await refreshLocation(tenantId, existing.id)), exists: true };
    throw new DomainError("CONFLICT", `Location url:${target} already exists`, "target");
  }
  const read = await readLocation(target, { readers: locationReaders(tenantId) });
  if (read.rootFailed) throw rootFailure(read);
  if (input.dryRun) {
    return {
      location: { id: existing?.id ?? `url:${target}`, type: "url", target },
      entities: read.entities.map((parsed) => parsed.entity),
      result: null,
      errors: read.errors,
      refreshed: false,
      exists: Boolean(existing),
    };
  }
  const source = await withTenant({ tenantId }, (db) =>
    ensureSource(db, { kind: "LOCATION", key: target, target, createdById: input.createdById ?? null }),
  );
  return { ...(await readAndApply(tenantId, source, read)), exists: false };
}

export async function findLocationSource(db: TenantDb, id: string): Promise<CatalogSourceRecord> {
  const source = /^[0-9a-f-]{36}$/i.test(id) ? await db.catalogSources.findById(id) : null;
  if (!source || source.kind !== "LOCATION") throw new DomainError("NOT_FOUND", `Found no location with ID ${id}`);
  return source;
}

export async function listLocations(db: TenantDb): Promise<(LocationRecord & { entityCount: number; lastMutationAt: Date | null; errorCount: number })[]> {
  const sources = await db.catalogSources.list();
  return sources
    .filter((source) => source.kind === "LOCATION")
    .map((source) => ({
      ...toLocation(source),
      entityCount: source.entityCount,
      lastMutationAt: source.lastMutationAt,
      errorCount: Array.isArray(source.lastErrors) ? source.lastErrors.length : 0,
    }));
}

/** Unregisters a location; the entities it produced go with it (Backstage's behaviour). */
export async function removeLocation(db: TenantDb, id: string): Promise<{ deleted: number }> {
  const source = await findLocationSource(db, id);
  const { deleted } = await removeSource(db, source, { keepEntities: false });
  return { deleted };
}
