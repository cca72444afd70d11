import { acceptInvitation } from "@greenroom/accounts";
import { prisma, withTenant } from "@greenroom/db";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { addMember, callerFor, createOrgWithOwner, inviteToken, TEST_PASSWORD, uniqueSuffix, type OrgFixture } from "./testing/fixtures";

// Plan limits at the point of use, through every path that adds a member: the tRPC procedures
// the web console calls and the domain functions the seed and any future REST route call.
// No Stripe here: limits need none (billing is "not configured" in this file).

async function endTrial(org: OrgFixture): Promise<void> {
  await prisma().organization.update({ where: { id: org.orgId }, data: { trialEndsAt: new Date(Date.now() - 60_000) } });
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    return { code: "THROWN", message: (error as Error).message };
  }
  return { code: "OK", message: "" };
}

async function signUpInvitee(email: string) {
  const { userId } = await callerFor(null).account.signUp({ name: "Invitee", email, password: TEST_PASSWORD });
  return { userId, email, name: "Invitee" };
}

describe("Free plan member limit", () => {
  it("shows the plan and seats to every member, trial first", async () => {
    const org = await createOrgWithOwner("seats");
    const member = await addMember(org, "MEMBER");
    const asMember = await callerFor(member).organization.get({ orgSlug: org.slug });
    expect(asMember.usage).toMatchObject({ plan: "TEAM", planName: "Team", seatsUsed: 2, pendingInvitations: 0, seatLimit: null, trialDaysLeft: 14 });
    await endTrial(org);
    const afterTrial = await callerFor(member).organization.get({ orgSlug: org.slug });
    expect(afterTrial.usage).toMatchObject({ plan: "FREE", seatLimit: 5, trialDaysLeft: null });
    expect(afterTrial.trialDaysLeft).toBeNull();
  });

  it("refuses the 6th seat on invite (members + pending invitations), naming Team", async () => {
    const org = await createOrgWithOwner("limit");
    await endTrial(org);
    for (let i = 0; i < 3; i++) await addMember(org, "MEMBER", `m${i}`);
    await inviteToken(org, `pending-${uniqueSuffix()}@example.test`); // 4 members + 1 pending = 5
    const refused = await codeOf(callerFor(org.owner).invitations.create({ orgSlug: org.slug, email: `sixth-${uniqueSuffix()}@example.test`, role: "MEMBER" }));
    expect(refused.code).toBe("PAYMENT_REQUIRED");
    expect(refused.message).toBe("Free includes up to 5 members, counting pending invitations (5 of 5 used). Upgrade to Team for more.");
    // Re-inviting a pending address replaces its invitation: no extra seat, so it is allowed.
    const pending = await callerFor(org.owner).invitations.list({ orgSlug: org.slug });
    expect((await codeOf(callerFor(org.owner).invitations.create({ orgSlug: org.slug, email: pending[0]!.email, role: "MEMBER" }))).code).toBe("OK");
    // Revoking frees the seat.
    const [current] = await callerFor(org.owner).invitations.list({ orgSlug: org.slug });
    await callerFor(org.owner).invitations.revoke({ orgSlug: org.slug, invitationId: current!.id });
    expect((await codeOf(callerFor(org.owner).invitations.create({ orgSlug: org.slug, email: `fifth-${uniqueSuffix()}@example.test`, role: "MEMBER" }))).code).toBe("OK");
  });

  it("refuses accepting an invitation sent during the trial once the org is full on Free, by tRPC and by the domain function", async () => {
    const org = await createOrgWithOwner("accept");
    for (let i = 0; i < 4; i++) await addMember(org, "MEMBER", `a${i}`); // 5 members
    const emails = [`late1-${uniqueSuffix()}@example.test`, `late2-${uniqueSuffix()}@example.test`];
    const tokens = [await inviteToken(org, emails[0]!), await inviteToken(org, emails[1]!)]; // allowed: trial
    await endTrial(org);
    const viaTrpc = await codeOf(callerFor(await signUpInvitee(emails[0]!)).invitations.accept({ token: tokens[0]! }));
    expect(viaTrpc).toEqual({ code: "PAYMENT_REQUIRED", message: expect.stringContaining("which includes up to 5 members, and it is full. Ask an owner to upgrade to Team.") });
    const invitee = await signUpInvitee(emails[1]!);
    await expect(acceptInvitation(tokens[1]!, invitee, { ip: null, userAgent: "test" })).rejects.toMatchObject({ name: "PlanLimitError", upgradeTo: "TEAM" });
    const members = await withTenant({ tenantId: org.orgId }, (db) => db.memberships.count());
    expect(members).toBe(5);
    // Nothing was consumed: the invitations are still pending for when the org upgrades.
    expect(await callerFor(org.owner).invitations.list({ orgSlug: org.slug })).toHaveLength(2);
  });

  it("lets two invitations race for the last seat and admits only one", async () => {
    const org = await createOrgWithOwner("race");
    await endTrial(org);
    for (let i = 0; i < 3; i++) await addMember(org, "MEMBER", `r${i}`); // 4 members
    const results = await Promise.all(
      [1, 2].map((n) => codeOf(callerFor(org.owner).invitations.create({ orgSlug: org.slug, email: `race${n}-${uniqueSuffix()}@example.test`, role: "MEMBER" }))),
    );
    expect(results.map((result) => result.code).sort()).toEqual(["OK", "PAYMENT_REQUIRED"]);
  });
});

describe("billing procedures are for owners only", () => {
  it("answers FORBIDDEN to admins, members and viewers on every billing procedure", async () => {
    const org = await createOrgWithOwner("roles");
    const people = [await addMember(org, "ADMIN", "admin"), await addMember(org, "MEMBER", "member"), await addMember(org, "VIEWER", "viewer")];
    for (const person of people) {
      const caller = callerFor(person).billing;
      const input = { orgSlug: org.slug };
      const outcomes = await Promise.all([
        codeOf(caller.overview(input)),
        codeOf(caller.stripeDetails(input)),
        codeOf(caller.startCheckout(input)),
        codeOf(caller.openPortal(input)),
        codeOf(caller.refresh(input)),
      ]);
      expect(outcomes.map((outcome) => outcome.code)).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
    }
    const overview = await callerFor(org.owner).billing.overview({ orgSlug: org.slug });
    expect(overview).toMatchObject({ configured: false, plan: "TEAM", seatsUsed: 4, trialDaysLeft: 14, subscription: null });
    // Without Stripe configured, the owner is told so instead of failing obscurely.
    expect(await codeOf(callerFor(org.owner).billing.startCheckout({ orgSlug: org.slug }))).toEqual({ code: "PRECONDITION_FAILED", message: expect.stringContaining("Billing is not set up") });
  });
});
