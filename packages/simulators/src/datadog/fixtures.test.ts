import { describe, expect, it } from "vitest";
import { SCHEMA_VERSIONS } from "./model";
import { DatadogFixtures } from "./testing/fixture-validator";

// The official fixtures themselves: every response schema compiles under the documented Ajv
// settings, and every spec example and recorded response validates (fixtures/datadog/README.md:
// no known inconsistencies). The service-definition JSON Schemas compile too.

const fixtures = new DatadogFixtures();

describe("Datadog fixtures", () => {
  it("lists the ten endpoints the simulator serves", () => {
    expect(fixtures.endpointFiles()).toHaveLength(10);
  });

  it.each(fixtures.endpointFiles())("%s: schema compiles; spec examples and recorded 200s validate", (file) => {
    const fixture = fixtures.endpoint(file);
    for (const [name, example] of Object.entries(fixture.examples ?? {})) {
      expect({ example: `${file}#${name}`, errors: fixtures.validateResponse(file, example.value).errors }).toEqual({ example: `${file}#${name}`, errors: [] });
    }
    for (const entry of fixture.recorded_examples?.entries ?? []) {
      if (entry.response.status !== 200) continue;
      expect({ recorded: entry.request.url, errors: fixtures.validateResponse(file, entry.response.body).errors }).toEqual({ recorded: entry.request.url, errors: [] });
    }
  });

  it("the recorded 403 of /api/v1/validate is an APIErrorResponse", () => {
    const entry = fixtures.endpoint("validate.json").recorded_examples!.entries.find((candidate) => candidate.response.status === 403)!;
    expect(entry.response.body).toEqual({ errors: ["API key required"] });
    expect(fixtures.validateErrorResponse("validate.json", 403, entry.response.body).valid).toBe(true);
  });

  it.each(SCHEMA_VERSIONS)("service definition schema %s compiles (JSON Schema and API model)", (version) => {
    expect(fixtures.validateDefinitionDocument(version, {}).valid).toBe(false);
    expect(fixtures.validateDefinitionModel(version, {}).valid).toBe(false);
  });
});
