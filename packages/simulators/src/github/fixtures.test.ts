import { describe, expect, it } from "vitest";
import { GithubFixtures } from "./testing/fixture-validator";

// The official fixtures themselves: every schema compiles under the documented Ajv settings, and
// every spec example validates except the inconsistencies fixtures/github/README.md lists. If the
// fixtures are regenerated and that list changes, this test says so.

const fixtures = new GithubFixtures();

const KNOWN_BAD_EXAMPLES = new Set([
  "apps-list-installations.json#default",
  "repos-create-in-org.json#default",
  "repos-create-using-template.json#default",
  "repos-get.json#default-response",
  "teams-list.json#default",
]);

// Octokit's community payloads predate the current webhook schemas (README "Known spec inconsistencies").
const KNOWN_STALE_WEBHOOK_EXAMPLES = new Set([
  "push.json",
  "installation-created.json",
  "installation-deleted.json",
  "installation-new-permissions-accepted.json",
  "installation-repositories-added.json",
  "installation-repositories-removed.json",
]);

describe("GitHub fixtures", () => {
  it("lists the endpoints and webhooks the simulator serves", () => {
    expect(fixtures.endpointFiles()).toHaveLength(17);
    expect(fixtures.webhookFiles()).toHaveLength(19);
  });

  it.each(fixtures.endpointFiles())("%s: schema compiles and spec examples validate", (file) => {
    const fixture = fixtures.endpoint(file);
    expect(fixture.response_schema).toBeTypeOf("object");
    const examples = Object.entries(fixture.examples ?? {});
    for (const [name, example] of examples) {
      const result = fixtures.validateResponse(file, example.value);
      expect({ example: `${file}#${name}`, valid: result.valid }).toEqual({ example: `${file}#${name}`, valid: !KNOWN_BAD_EXAMPLES.has(`${file}#${name}`) });
    }
  });

  it.each(fixtures.webhookFiles())("webhooks/%s: payload schema compiles; octokit examples as documented", (file) => {
    const fixture = fixtures.webhook(file);
    const payloads = fixture.examples_non_spec?.payloads ?? [];
    const failures = payloads.filter((payload) => !fixtures.validateWebhook(file, payload).valid).length;
    if (KNOWN_STALE_WEBHOOK_EXAMPLES.has(file)) expect(failures).toBeGreaterThan(0);
    else expect(failures).toBe(0);
  });
});
