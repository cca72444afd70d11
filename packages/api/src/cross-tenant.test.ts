import { describe, expect, it } from "vitest";

import { withTenant } from "@greenroom/db";

import { appRouter } from "./root";
import { addMember, callerFor, createOrgWithOwner, inviteToken, uniqueSuffix } from "./testing/fixtures";
import { runCrossTenantHarness, type TenantSide } from "./testing/cross-tenant-harness";
import { catalogFieldValues, catalogSnapshot, seedCatalog, type CatalogSeed } from "./testing/catalog-fixtures";
import { apiAccessSnapshot, seedApiAccess } from "./testing/api-access-fixtures";
import { integrationSnapshot, seedIntegration } from "./testing/integration-fixtures";
import { operationsSnapshot, seedOperations } from "./testing/operations-fixtures";

async function tenantSide(label: string): Promise<TenantSide & { token: string; orgId: string; catalog: CatalogSeed }> {
  const org = await createOrgWithOwner(label);
  const member = await addMember(org, "MEMBER", `${label}-member`);
  const invitedEmail = `${label}-invited-${uniqueSuffix()}@example.test`;
  const token = await inviteToken(org, invitedEmail, "ADMIN");
  const invitations = await callerFor(org.owner).invitations.list({ orgSlug: org.slug });
  const catalog = await seedCatalog(org, label);
  const access = await seedApiAccess(org, label);
  const integration = await seedIntegration(org, label);
  const componentRef = `component:default/${catalog.componentName}`;
  const operations = await seedOperations(org, label, { name: catalog.componentName, ref: componentRef, groupName: catalog.groupName });
  const audit = await callerFor(org.owner).audit.list({ orgSlug: org.slug });
  return {
    slug: org.slug,
    orgId: org.orgId,
    session: org.owner,
    token,
    catalog,
    ids: {
      ...catalog.ids,
      ...access.ids,
      ...integration.ids,
      ...operations.ids,
      integrationId: [...integration.ids.integrationId, ...operations.ids.integrationId],
      userId: [member.userId, org.owner.userId],
      actorId: [org.owner.userId],
      invitationId: invitations.map((invitation) => invitation.id),
    },
    secrets: [...catalog.secrets, ...access.secrets, ...integration.secrets, ...operations.secrets, org.name, org.slug, org.orgId, org.owner.email, member.email, invitedEmail, ...audit.events.map((event) => event.id)],
  };
}

describe("cross-tenant harness over every procedure of the app router", () => {
  it("gives org B's owner NOT_FOUND/FORBIDDEN or nothing of org A, and leaves A untouched", async () => {
    const victim = await tenantSide("victim");
    const attacker = await tenantSide("attacker");

    const { calls, failures } = await runCrossTenantHarness({
      router: appRouter,
      call: (session, path, input) => {
        const [namespace, name] = path.split(".") as [string, string];
        const caller = callerFor(session) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
        return caller[namespace]![name]!(input);
      },
      victim,
      attacker,
      orgless: {
        "account.signUp": "creates a new account of its own; no tenant data is read",
        "account.me": "answers only about the caller's own memberships",
        "organization.create": "creates a new org owned by the caller",
        "invitations.preview": "discloses: whoever holds an invitation link may see which org sent it",
        "invitations.accept": "the link's email must match the caller's, else FORBIDDEN",
      },
      fieldValues: {
        token: (side) => (side as typeof victim).token,
        githubOrg: () => "harness-org",
        ...catalogFieldValues,
        refs: (side) => [`component:default/${(side as typeof victim).catalog.componentName}`],
        entityRef: (side) => `component:default/${(side as typeof victim).catalog.componentName}`,
        confirmed: () => true,
        settings: () => ({ kind: "PAGERDUTY", baseUrl: "https://harness.example.test" }),
        secrets: () => ({ token: "harness-token" }),
        // Its own name: connectGithub already created one named after the victim's component.
        "integrations.connectVendor#name": () => "harness-vendor",
      },
      snapshotVictim: () =>
        withTenant({ tenantId: victim.orgId }, async (db) => ({
          org: await db.organization.get(),
          members: (await db.memberships.list()).map((member) => [member.userId, member.role]),
          invitations: (await db.invitations.listPending(new Date(0))).map((invitation) => [invitation.id, invitation.revokedAt]),
          catalog: await catalogSnapshot(db),
          access: await apiAccessSnapshot(db),
          integrations: await integrationSnapshot(db),
          operations: await operationsSnapshot(db),
        })),
    });

    expect(failures).toEqual([]);
    // Every procedure was exercised, each org procedure in both scenarios.
    const paths = new Set(calls.map((call) => call.path));
    expect([...paths].sort()).toEqual(Object.keys((appRouter as unknown as { _def: { procedures: object } })._def.procedures).sort());
    expect(calls.find((call) => call.path === "invitations.accept")?.outcome).toBe("FORBIDDEN");
    expect(calls.filter((call) => call.scenario === "victim org + victim ids").every((call) => call.outcome === "NOT_FOUND")).toBe(true);
    // The catalog procedures aimed at the victim's real entities, sources, held syncs and orphans
    // found none of them from the attacker's own org.
    for (const path of ["operations.entity", "operations.triggerIncident", "operations.confirmMapping", "operations.removeMapping", "operations.serviceMappings", "catalog.entity", "catalog.graph", "catalog.team", "catalog.user", "catalog.confirmHeld", "catalog.discardHeld", "catalog.removeSource", "catalog.removeOrphans"]) {
      expect(calls.find((call) => call.path === path && call.scenario === "own org + victim ids")?.outcome, path).toBe("NOT_FOUND");
    }
  });
});
