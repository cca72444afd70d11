import { DEFAULT_FIXTURES_DIR, documentedErrorSchema, endpointFilesIn, FixtureSchemas, readFixture, requiredSchema, rewriteNullable, vendorFixturesDir, type EndpointFixture, type ValidationResult } from "../../shared/fixture-ajv";

// Validates simulator output against PagerDuty's official response schemas in
// ../shared/fixtures/pagerduty, with the Ajv settings fixtures/README.md prescribes
// (../../shared/fixture-ajv.ts) plus the README's "known spec inconsistencies": fields the live
// API sends as null although the spec says otherwise are allowed to be null, and nothing else
// is relaxed.

/** Per fixture file: property names the live API may send as null (see fixtures/pagerduty/README.md). */
export const LIVE_NULLABLE: Record<string, string[]> = {
  // An open incident has no resolved_at yet; ungrouped alerts have no ended_at; most incidents no resolve_reason.
  "create-incident.json": ["resolved_at"],
  "list-incidents.json": ["resolved_at", "ended_at", "resolve_reason"],
  // A user targeted directly by an escalation rule is on call permanently: no schedule, no bounds.
  "list-on-calls.json": ["start", "end", "schedule"],
};

/** Wraps every property named in `names` as anyOf [schema, null]. */
export function allowNullProperties(node: unknown, names: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((entry) => allowNullProperties(entry, names));
  if (!node || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = allowNullProperties(value, names);
  if (out.properties && typeof out.properties === "object") {
    const properties = out.properties as Record<string, unknown>;
    for (const name of names) {
      if (properties[name]) properties[name] = { anyOf: [properties[name], { type: "null" }] };
    }
  }
  return out;
}

type PagerdutyEndpointFixture = EndpointFixture & { request_body?: { schema?: Record<string, unknown> } };

export class PagerdutyFixtures {
  readonly dir: string;
  private readonly schemas = new FixtureSchemas();

  constructor(fixturesDir: string = DEFAULT_FIXTURES_DIR) {
    this.dir = vendorFixturesDir(fixturesDir, "pagerduty");
    // PagerDuty's own formats: names, not syntax Ajv could check.
    for (const format of ["partial-time", "activesupport-time-zone", "tzinfo"]) this.schemas.ajv.addFormat(format, true);
  }

  endpointFiles(): string[] {
    return endpointFilesIn(this.dir);
  }

  endpoint(file: string): PagerdutyEndpointFixture {
    return readFixture<PagerdutyEndpointFixture>(`${this.dir}${file}`);
  }

  /**
   * Checks a 2xx body against `<file>`'s response_schema. `strict` validates against the spec
   * exactly (the fixture test uses it for the spec's own examples); by default the README's
   * live-API nulls are allowed.
   */
  validateResponse(file: string, body: unknown, options: { strict?: boolean } = {}): ValidationResult {
    const liveNulls = new Set(LIVE_NULLABLE[file] ?? []);
    const prepare = options.strict ? rewriteNullable : (schema: unknown) => allowNullProperties(rewriteNullable(schema), liveNulls);
    return this.schemas.check(`response:${file}:${options.strict ? "strict" : "live"}`, () => this.endpoint(file).response_schema, body, prepare);
  }

  /** Checks an error body against `<file>`'s documented schema for that status. */
  validateErrorResponse(file: string, status: number, body: unknown): ValidationResult {
    return this.schemas.check(`error:${file}:${status}`, () => documentedErrorSchema(this.endpoint(file), file, status), body);
  }

  /** Checks a request body against `<file>`'s request_body schema (POST /incidents). */
  validateRequest(file: string, body: unknown): ValidationResult {
    return this.schemas.check(`request:${file}`, () => requiredSchema(this.endpoint(file).request_body?.schema, `${file} has no request body`), body);
  }
}
