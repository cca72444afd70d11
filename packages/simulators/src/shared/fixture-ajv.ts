import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// Checking simulator output against the vendors' official schemas in /work/shared/fixtures, with
// the Ajv settings fixtures/README.md prescribes. Each vendor's testing/fixture-validator.ts
// knows its own fixture files and relaxations; the Ajv setup, the fixture folder and the compile
// cache are the same for all of them.

/** Where `/work/shared/fixtures` sits relative to this file (packages/simulators/src/shared). */
export const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL("../../../../../shared/fixtures/", import.meta.url));

export type EndpointFixture = {
  method: string;
  path: string;
  operationId: string;
  response_status: number;
  response_schema: Record<string, unknown>;
  examples?: Record<string, { value: unknown }>;
  other_responses?: Record<string, { schema?: Record<string, unknown> }>;
};

export type ValidationResult = { valid: boolean; errors: string[] };

// ajv-formats is CommonJS with a default export; under NodeNext/bundler interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/**
 * OpenAPI 3.0 writes "nullable" without a type in a few schemas; Ajv refuses those, so they
 * become anyOf [schema, null] as the fixtures README says.
 */
export function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable);
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = rewriteNullable(value);
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _nullable, ...rest } = out;
    return { anyOf: [rest, { type: "null" }] };
  }
  return out;
}

export function createFixtureAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ["int32", "int64", "timestamp", "double", "float", "byte", "binary", "password", "uuid-v4"]) {
    ajv.addFormat(format, true);
  }
  // PagerDuty writes times without a UTC offset ("09:00:00"), which ajv-formats' `time` rejects.
  ajv.addFormat("time", /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})?$/);
  return ajv;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).slice(0, 25).map((error) => `${error.instancePath || "/"} ${error.message ?? ""} ${JSON.stringify(error.params)}`);
}

/** `<fixturesDir>/<vendor>/` with exactly one slash between the parts. */
export function vendorFixturesDir(fixturesDir: string, vendor: string): string {
  return `${fixturesDir.endsWith("/") ? fixturesDir : `${fixturesDir}/`}${vendor}/`;
}

/** The endpoint fixtures of a vendor folder (files starting with "_" are notes, not endpoints). */
export function endpointFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith(".json") && !name.startsWith("_"));
}

export function readFixture<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** A schema a test asked for; a fixture without it means the test is wrong, so it throws. */
export function requiredSchema<T>(schema: T | undefined, missing: string): T {
  if (!schema) throw new Error(missing);
  return schema;
}

/** The schema an endpoint documents for an error status. */
export function documentedErrorSchema(fixture: EndpointFixture, file: string, status: number): Record<string, unknown> {
  return requiredSchema(fixture.other_responses?.[String(status)]?.schema, `${file} documents no ${status} schema`);
}

/** One Ajv and its compiled schemas: compiling a large spec schema costs far more than validating. */
export class FixtureSchemas {
  readonly ajv = createFixtureAjv();
  private readonly compiled = new Map<string, ValidateFunction>();

  /** Validates `value` against the schema cached as `key`, loaded and `prepare`d on first use. */
  check(key: string, schema: () => unknown, value: unknown, prepare: (schema: unknown) => unknown = rewriteNullable): ValidationResult {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(prepare(schema()) as Record<string, unknown>);
      this.compiled.set(key, validate);
    }
    const valid = validate(value) as boolean;
    return { valid, errors: valid ? [] : describe(validate.errors) };
  }
}
