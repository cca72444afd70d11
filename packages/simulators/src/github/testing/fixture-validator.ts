import { DEFAULT_FIXTURES_DIR, documentedErrorSchema, endpointFilesIn, FixtureSchemas, readFixture, requiredSchema, vendorFixturesDir, type EndpointFixture, type ValidationResult } from "../../shared/fixture-ajv";

// Validates simulator output against the official GitHub response / webhook payload schemas in
// ../shared/fixtures/github (Ajv set up as fixtures/README.md prescribes, ../../shared/fixture-ajv.ts).
// Tests (ours and the connector's) use it so a response that drifts from GitHub's documented shape
// fails loudly.

export { createFixtureAjv, DEFAULT_FIXTURES_DIR, rewriteNullable } from "../../shared/fixture-ajv";
export type { EndpointFixture, ValidationResult } from "../../shared/fixture-ajv";

export type WebhookFixture = {
  event: string;
  action: string | null;
  payload_schema: Record<string, unknown>;
  examples_non_spec?: { note?: string; payloads?: unknown[] };
};

export class GithubFixtures {
  /** The fixtures root (the folder holding github/). */
  readonly dir: string;
  private readonly github: string;
  private readonly schemas = new FixtureSchemas();

  constructor(fixturesDir: string = DEFAULT_FIXTURES_DIR) {
    this.dir = fixturesDir.endsWith("/") ? fixturesDir : `${fixturesDir}/`;
    this.github = vendorFixturesDir(this.dir, "github");
  }

  endpointFiles(): string[] {
    return endpointFilesIn(this.github);
  }

  webhookFiles(): string[] {
    return endpointFilesIn(`${this.github}webhooks/`);
  }

  endpoint(file: string): EndpointFixture {
    return readFixture<EndpointFixture>(`${this.github}${file}`);
  }

  webhook(file: string): WebhookFixture {
    return readFixture<WebhookFixture>(`${this.github}webhooks/${file}`);
  }

  /** Checks a 2xx body against `<file>`'s response_schema (e.g. "repos-get.json"). */
  validateResponse(file: string, body: unknown): ValidationResult {
    return this.schemas.check(`endpoint:${file}`, () => this.endpoint(file).response_schema, body);
  }

  /** Checks an error body against `<file>`'s documented schema for that status, when there is one. */
  validateErrorResponse(file: string, status: number, body: unknown): ValidationResult {
    return this.schemas.check(`endpoint:${file}:${status}`, () => documentedErrorSchema(this.endpoint(file), file, status), body);
  }

  /** Validates one item against the item schema of a list endpoint (e.g. one installation). */
  validateListItem(file: string, item: unknown): ValidationResult {
    const itemSchema = () => requiredSchema((this.endpoint(file).response_schema as { items?: Record<string, unknown> }).items, `${file} is not a list endpoint`);
    return this.schemas.check(`item:${file}`, itemSchema, item);
  }

  /** Checks a webhook payload against `webhooks/<file>`'s payload_schema (e.g. "push.json"). */
  validateWebhook(file: string, payload: unknown): ValidationResult {
    return this.schemas.check(`webhook:${file}`, () => this.webhook(file).payload_schema, payload);
  }
}
