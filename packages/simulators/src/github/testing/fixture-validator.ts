import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// Validates simulator output against the official GitHub response / webhook payload schemas in
// ../shared/fixtures/github, with the Ajv settings fixtures/README.md prescribes. Tests (ours and
// the connector's) use it so a response that drifts from GitHub's documented shape fails loudly.

/** Where `/work/shared/fixtures` sits relative to this file (packages/simulators/src/github/testing). */
export const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL("../../../../../../shared/fixtures/", import.meta.url));

export type EndpointFixture = {
  method: string;
  path: string;
  operationId: string;
  response_status: number;
  response_schema: Record<string, unknown>;
  examples?: Record<string, { value: unknown }>;
  other_responses?: Record<string, { schema?: Record<string, unknown> }>;
};

export type WebhookFixture = {
  event: string;
  action: string | null;
  payload_schema: Record<string, unknown>;
  examples_non_spec?: { note?: string; payloads?: unknown[] };
};

export type ValidationResult = { valid: boolean; errors: string[] };

// ajv-formats is CommonJS with a default export; under NodeNext/bundler interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/**
 * OpenAPI 3.0 writes "nullable" without a type in a few GitHub schemas; Ajv refuses those, so they
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

export class GithubFixtures {
  readonly dir: string;
  private readonly ajv = createFixtureAjv();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(fixturesDir: string = DEFAULT_FIXTURES_DIR) {
    this.dir = fixturesDir.endsWith("/") ? fixturesDir : `${fixturesDir}/`;
  }

  endpointFiles(): string[] {
    return readdirSync(`${this.dir}github`).filter((name) => name.endsWith(".json") && !name.startsWith("_"));
  }

  webhookFiles(): string[] {
    return readdirSync(`${this.dir}github/webhooks`).filter((name) => name.endsWith(".json"));
  }

  endpoint(file: string): EndpointFixture {
    return JSON.parse(readFileSync(`${this.dir}github/${file}`, "utf8")) as EndpointFixture;
  }

  webhook(file: string): WebhookFixture {
    return JSON.parse(readFileSync(`${this.dir}github/webhooks/${file}`, "utf8")) as WebhookFixture;
  }

  private validator(key: string, schema: () => Record<string, unknown>): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewriteNullable(schema()) as Record<string, unknown>);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** Checks a 2xx body against `<file>`'s response_schema (e.g. "repos-get.json"). */
  validateResponse(file: string, body: unknown): ValidationResult {
    const validate = this.validator(`endpoint:${file}`, () => this.endpoint(file).response_schema);
    const valid = validate(body) as boolean;
    return { valid, errors: describe(validate.errors) };
  }

  /** Checks an error body against `<file>`'s documented schema for that status, when there is one. */
  validateErrorResponse(file: string, status: number, body: unknown): ValidationResult {
    const validate = this.validator(`endpoint:${file}:${status}`, () => {
      const schema = this.endpoint(file).other_responses?.[String(status)]?.schema;
      if (!schema) throw new Error(`${file} documents no ${status} schema`);
      return schema;
    });
    const valid = validate(body) as boolean;
    return { valid, errors: describe(validate.errors) };
  }

  /** Validates one item against the item schema of a list endpoint (e.g. one installation). */
  validateListItem(file: string, item: unknown): ValidationResult {
    const validate = this.validator(`item:${file}`, () => {
      const schema = this.endpoint(file).response_schema as { items?: Record<string, unknown> };
      if (!schema.items) throw new Error(`${file} is not a list endpoint`);
      return schema.items;
    });
    const valid = validate(item) as boolean;
    return { valid, errors: describe(validate.errors) };
  }

  /** Checks a webhook payload against `webhooks/<file>`'s payload_schema (e.g. "push.json"). */
  validateWebhook(file: string, payload: unknown): ValidationResult {
    const validate = this.validator(`webhook:${file}`, () => this.webhook(file).payload_schema);
    const valid = validate(payload) as boolean;
    return { valid, errors: describe(validate.errors) };
  }
}
