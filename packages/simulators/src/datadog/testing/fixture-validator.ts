import { DEFAULT_FIXTURES_DIR, documentedErrorSchema, endpointFilesIn, FixtureSchemas, readFixture, vendorFixturesDir, type EndpointFixture, type ValidationResult } from "../../shared/fixture-ajv";
import type { SchemaVersion } from "../model";

// Validates simulator output against Datadog's official response schemas in
// ../shared/fixtures/datadog (with the Ajv settings fixtures/README.md prescribes,
// ../../shared/fixture-ajv.ts), and service definition documents against Datadog's own JSON Schemas
// (service-definition-schemas/json-schema) and the API's models of them (…/openapi).

export type DatadogEndpointFixture = EndpointFixture & {
  recorded_examples?: { entries: { request: { method: string; url: string }; response: { status: number; body: unknown } }[] };
};

export class DatadogFixtures {
  readonly dir: string;
  private readonly schemas = new FixtureSchemas();

  constructor(fixturesDir: string = DEFAULT_FIXTURES_DIR) {
    this.dir = vendorFixturesDir(fixturesDir, "datadog");
  }

  endpointFiles(): string[] {
    return endpointFilesIn(this.dir);
  }

  endpoint(file: string): DatadogEndpointFixture {
    return readFixture<DatadogEndpointFixture>(`${this.dir}${file}`);
  }

  /** Checks a 2xx body against `<file>`'s response_schema (e.g. "list-monitors.json"). */
  validateResponse(file: string, body: unknown): ValidationResult {
    return this.schemas.check(`endpoint:${file}`, () => this.endpoint(file).response_schema, body);
  }

  /** Checks an error body against `<file>`'s documented schema for that status. */
  validateErrorResponse(file: string, status: number, body: unknown): ValidationResult {
    return this.schemas.check(`endpoint:${file}:${status}`, () => documentedErrorSchema(this.endpoint(file), file, status), body);
  }

  /** A service definition document against Datadog's standalone JSON Schema for its version. */
  validateDefinitionDocument(version: SchemaVersion, document: unknown): ValidationResult {
    return this.schemas.check(`json-schema:${version}`, () => readFixture<Record<string, unknown>>(`${this.dir}service-definition-schemas/json-schema/${version}.schema.json`), document);
  }

  /** A service definition document against the API's model of that version (ServiceDefinitionV2Dot1, …). */
  validateDefinitionModel(version: SchemaVersion, document: unknown): ValidationResult {
    return this.schemas.check(`openapi:${version}`, () => readFixture<{ schema: Record<string, unknown> }>(`${this.dir}service-definition-schemas/openapi/${version}.json`).schema, document);
  }
}
