import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma's schema engine (migrate deploy / migrate diff) normally runs as a native binary that the
// CLI downloads on first use. Our machines reach only the npm registry, so we drive the same
// engine through its WebAssembly build and the pg driver adapter instead.

type WasmSchemaEngine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

type SchemaEngineModule = {
  SchemaEngine: {
    new: (options: unknown, log: (message: string) => void, adapter: unknown) => Promise<WasmSchemaEngine>;
  };
  __wbg_set_wasm: (exports: Record<string, unknown>) => void;
};

// @types/node declares only a sliver of the WebAssembly namespace.
type WasmApi = {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let enginePromise: Promise<SchemaEngineModule> | undefined;

async function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bindings = (await import(
    path.join(pkgDir, "schema_engine_bg.js")
  )) as SchemaEngineModule & Record<string, unknown>;
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await wasmApi.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

export type MigrationPaths = { schemaFile: string; migrationsDir: string };

async function readMigrationsList(migrationsDir: string) {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => {
        const content = await readFile(path.join(migrationsDir, entry.name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: entry.name, migrationFile: { path: "migration.sql", content } };
      }),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  const lockfile = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

type FieldResult = { fields: { dataTypeID: number }[] };
type PgAdapterInternals = {
  executeScript(script: string): Promise<void>;
  performIO(query: unknown): Promise<FieldResult>;
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// Two gaps between @prisma/adapter-pg and what the schema engine needs, closed per connection:
// - executeScript splits a migration on ";", which breaks dollar-quoted function bodies and
//   comments; Postgres's simple-query protocol takes the whole script, as the native engine sends it.
// - introspection reads pg_catalog's one-byte "char" columns (relkind, contype), a type the
//   adapter cannot map; pg already hands those values over as strings, so they are text.
function adaptForSchemaEngine<T extends object>(adapter: T): T {
  const internals = adapter as unknown as PgAdapterInternals;
  internals.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  const performIO = internals.performIO.bind(adapter);
  internals.performIO = async (query: unknown) => {
    const result = await performIO(query);
    for (const field of result.fields) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
  return adapter;
}

function migrationAdapterFactory(connectionString: string, shadowDatabaseUrl: string | undefined) {
  const base = new PrismaPg({ connectionString });
  return {
    provider: "postgres" as const,
    adapterName: base.adapterName,
    connect: async () => adaptForSchemaEngine(await base.connect()),
    // The adapter's own shadow database needs CREATEDB, which the owner role lacks on purpose:
    // callers pass an empty database created for the purpose instead.
    connectToShadowDb: async () => {
      if (!shadowDatabaseUrl) throw new Error("A shadow database URL is required to replay migrations");
      return adaptForSchemaEngine(await new PrismaPg({ connectionString: shadowDatabaseUrl }).connect());
    },
  };
}

async function withEngine<T>(
  connectionString: string,
  shadowDatabaseUrl: string | undefined,
  schemaFile: string,
  run: (engine: WasmSchemaEngine) => Promise<T>,
): Promise<T> {
  enginePromise ??= loadSchemaEngineModule();
  const { SchemaEngine } = await enginePromise;
  const adapterFactory = migrationAdapterFactory(connectionString, shadowDatabaseUrl);
  const datamodel = await readFile(schemaFile, "utf8");
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaFile, datamodel]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

const noFilter = { externalTables: [], externalEnums: [] };

/** `prisma migrate deploy`: applies pending migrations and records them in _prisma_migrations. */
export async function deployMigrations(ownerUrl: string, paths: MigrationPaths): Promise<string[]> {
  return withEngine(ownerUrl, undefined, paths.schemaFile, async (engine) => {
    const migrationsList = await readMigrationsList(paths.migrationsDir);
    const result = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return result.appliedMigrationNames;
  });
}

/**
 * `prisma migrate diff --from-migrations <dir> --to-schema <file> --exit-code`: replays the
 * migrations into the shadow database and returns the SQL still needed to reach the schema.
 */
export async function diffMigrationsAgainstSchema(
  ownerUrl: string,
  shadowDatabaseUrl: string,
  paths: MigrationPaths,
): Promise<{ drift: boolean; script: string }> {
  return withEngine(ownerUrl, shadowDatabaseUrl, paths.schemaFile, async (engine) => {
    const migrationsList = await readMigrationsList(paths.migrationsDir);
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: paths.schemaFile, content: await readFile(paths.schemaFile, "utf8") }] },
      script: true,
      exitCode: true,
      filters: noFilter,
    });
    return { drift: result.exitCode === 2, script: result.stdout ?? "" };
  });
}

/** `prisma migrate diff --from-empty --to-schema <file> --script`: the SQL for a fresh database. */
export async function diffEmptyToSchema(ownerUrl: string, paths: MigrationPaths): Promise<string> {
  return withEngine(ownerUrl, undefined, paths.schemaFile, async (engine) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: paths.schemaFile, content: await readFile(paths.schemaFile, "utf8") }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    return result.stdout ?? "";
  });
}
