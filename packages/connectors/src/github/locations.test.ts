import { createGithubSimulator, DEFAULT_GITHUB_TOKEN, seedGithubOrg } from "@greenroom/simulators/github";
import { describe, expect, it } from "vitest";

import { requestSync } from "../framework/schedule";
import { connectGithub, documentOf, finishedRuns, newTenant, refsOf, waitFor } from "../testing/github-test-kit";
import { isolateSyncTestEnv, useGithubSyncHarness } from "../testing/github-sync-harness";

// `kind: Location` targets in repositories' catalog files, followed by the full sync and by a
// push's targeted sync: real Postgres, Redis and the GitHub simulator over HTTP.
isolateSyncTestEnv("locations");

const SECRET = "locations-webhook-secret";

const component = (name: string, description = `The ${name}`) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: ${description}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/platform\n`;
const location = (name: string, targets: string[], extra = "") =>
  `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: ${name}\nspec:\n${extra}  targets:\n${targets.map((target) => `    - ${target}`).join("\n")}\n`;

const harness = useGithubSyncHarness(async () => {
  const github = await createGithubSimulator({ orgs: [seedGithubOrg({ org: "locs", repos: 4, teams: 2, people: 4, seed: 17, catalogFileRatio: 0 })], secondaryLimits: false });
  await github.control.createRepo({
    org: "locs",
    name: "loc-root",
    files: {
      "catalog-info.yaml": location("root-catalog", [
        "./services/a/catalog-info.yaml",
        "https://github.com/locs/loc-other/blob/main/shared/catalog.yaml",
        "./missing.yaml",
        "https://github.com/elsewhere/repo/blob/main/catalog-info.yaml",
      ]),
      "services/a/catalog-info.yaml": component("svc-a"),
    },
  });
  await github.control.createRepo({
    org: "locs",
    name: "loc-other",
    files: {
      // Nested one level deeper, with a cycle back to the root and an optional file that is not there.
      "shared/catalog.yaml": `${component("shared-thing")}---\n${location("shared-locations", ["https://github.com/locs/loc-root/blob/main/catalog-info.yaml", "./nested.yaml"])}---\n${location("optional-extras", ["./extras.yaml"], "  presence: optional\n")}`,
      "shared/nested.yaml": component("nested-thing"),
    },
  });
  return github;
});
let tenantId = "";
let integrationId = "";

describe("Location targets in catalog files", () => {
  it("imports the files Locations point at (relative and same-org URLs, nested), reads a cycle once, and reports missing targets without failing", async () => {
    tenantId = await newTenant("locs");
    integrationId = (await connectGithub(tenantId, { baseUrl: harness.github.url, org: "locs" }, { token: DEFAULT_GITHUB_TOKEN, webhookSecret: SECRET })).id;
    harness.webhookTarget = { tenantId, integrationId };
    harness.github.control.resetStats();
    await requestSync(tenantId, integrationId, "manual");
    const run = await finishedRuns(tenantId, integrationId);
    expect(run.status).toBe("succeeded");

    const refs = await refsOf(tenantId, integrationId);
    for (const ref of ["location:default/root-catalog", "component:default/svc-a", "component:default/shared-thing", "location:default/shared-locations", "component:default/nested-thing"]) expect(refs).toContain(ref);
    // The repository that is only the target's home still becomes its inferred Component.
    expect(refs).toContain("component:default/loc-other");

    const errors = (run.errors as { message: string }[]).map((error) => error.message);
    expect(errors).toHaveLength(2);
    expect(errors.find((message) => message.includes("missing.yaml"))).toMatch(/location:default\/root-catalog: target https:\/\/github.com\/locs\/loc-root\/blob\/main\/missing.yaml was not found/);
    expect(errors.find((message) => message.includes("elsewhere"))).toMatch(/not a file in the GitHub organization "locs"/);
    // Teams, repositories, two levels of targets (one request each), members.
    expect(harness.github.control.stats().byEndpoint["POST /graphql"]).toBe(1 + 1 + 2 + 1);
  });

  it("follows a repository's Locations in a push's targeted sync", async () => {
    harness.github.control.setWebhook({ url: harness.webhookUrl, secret: SECRET });
    try {
      const pushed = await harness.github.control.push("locs/loc-root", { path: "services/a/catalog-info.yaml", content: component("svc-a", "Changed by a push") });
      expect(pushed.delivery).toMatchObject({ event: "push", status: 202 });
      await waitFor(async () => (await documentOf(tenantId, "component:default/svc-a"))?.metadata.description === "Changed by a push" || undefined);
      expect((await documentOf(tenantId, "component:default/nested-thing"))?.kind).toBe("Component");
    } finally {
      harness.github.control.setWebhook(null);
    }
  });
});
