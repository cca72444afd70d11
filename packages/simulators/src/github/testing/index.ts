export { GithubFixtures, createFixtureAjv, rewriteNullable, DEFAULT_FIXTURES_DIR } from "./fixture-validator";
export type { EndpointFixture, WebhookFixture, ValidationResult } from "./fixture-validator";
