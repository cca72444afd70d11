import { describe, expect, it } from "vitest";

import { callerFor, createOrgWithOwner } from "./testing/fixtures";

// With the operator's default (private networks not allowed), a base URL on loopback or a
// private range is refused before anything is stored or requested.
process.env.INTEGRATIONS_ALLOW_PRIVATE_NETWORKS = "false";

describe("integrations SSRF guard", () => {
  it("refuses loopback, private and link-local base URLs", async () => {
    const org = await createOrgWithOwner("ssrf");
    const owner = callerFor(org.owner);
    for (const baseUrl of ["http://127.0.0.1:12112", "http://localhost:8080/api/v3", "http://169.254.169.254/latest", "http://10.0.0.8/api/v3", "http://[::1]:3000"]) {
      await expect(owner.integrations.connectGithub({ orgSlug: org.slug, name: `x ${baseUrl}`, baseUrl, githubOrg: "acme", token: "ghp_x" }), baseUrl).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/Refused to connect/) });
      const verdict = await owner.integrations.testConnection({ orgSlug: org.slug, baseUrl, githubOrg: "acme", token: "ghp_x" });
      expect(verdict).toMatchObject({ ok: false, problem: expect.stringMatching(/Refused to connect/) });
    }
    expect(await owner.integrations.list({ orgSlug: org.slug })).toEqual([]);
  });
});
