import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { withGlobal, withTenant } from "@greenroom/db";

import { addMember, callerFor, createOrgWithOwner, inviteToken, TEST_PASSWORD, uniqueSuffix } from "./testing/fixtures";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError & { shape?: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("sign-up", () => {
  it("creates the user, the org, an OWNER membership and a 14-day trial", async () => {
    const org = await createOrgWithOwner("signup");
    const details = await callerFor(org.owner).organization.get({ orgSlug: org.slug });
    expect(details.myRole).toBe("OWNER");
    expect(details.trialDaysLeft).toBe(14);
    expect(details.memberCount).toBe(1);
    const me = await callerFor(org.owner).account.me();
    expect(me.organizations).toEqual([expect.objectContaining({ slug: org.slug, role: "OWNER" })]);
  });

  it("rejects bad input field by field and stores nothing", async () => {
    const email = `bad-${uniqueSuffix()}@example.test`;
    const error = await errorOf(
      callerFor(null).account.signUp({
        name: "",
        email,
        password: "short",
        organization: { name: "A", slug: "Not A Slug!" },
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    const issues = (error.cause as unknown as { issues: { path: string[] }[] }).issues;
    const fields = [...new Set(issues.map((issue) => issue.path.join(".")))];
    expect(fields.sort()).toEqual(["name", "organization.name", "organization.slug", "password"]);
    expect(await withGlobal((db) => db.users.findByEmail(email))).toBeNull();
  });

  it("refuses reserved and taken slugs with a message on the slug field", async () => {
    const reserved = await errorOf(
      callerFor(null).account.signUp({ name: "R", email: `r-${uniqueSuffix()}@example.test`, password: TEST_PASSWORD, organization: { name: "Settings", slug: "settings" } }),
    );
    expect(reserved.message).toBe("This URL is reserved, choose another");
    const org = await createOrgWithOwner("taken");
    const email = `t-${uniqueSuffix()}@example.test`;
    const taken = await errorOf(
      callerFor(null).account.signUp({ name: "T", email, password: TEST_PASSWORD, organization: { name: "Taken", slug: org.slug } }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect((taken.cause as { field?: string }).field).toBe("organization.slug");
    expect(await withGlobal((db) => db.users.findByEmail(email))).toBeNull();
  });

  it("refuses common passwords and passwords containing the email name", async () => {
    const email = `jonathan-${uniqueSuffix()}@example.test`;
    const common = await errorOf(callerFor(null).account.signUp({ name: "C", email, password: "password123" }));
    expect(common.message).toMatch(/too common/);
    const own = await errorOf(callerFor(null).account.signUp({ name: "C", email, password: `${email.split("@")[0]}!!` }));
    expect(own.message).toMatch(/email address/);
  });

  it("does not reveal whether an email is registered: a taken email answers like a wrong password", async () => {
    const org = await createOrgWithOwner("enum");
    const error = await errorOf(
      callerFor(null).account.signUp({ name: "X", email: org.owner.email, password: "another-long-password" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/If you already have an account, sign in instead/);
  });
});

describe("members and roles", () => {
  it("lets an owner change roles and never demote or remove the last owner", async () => {
    const org = await createOrgWithOwner("owners");
    const member = await addMember(org, "MEMBER");
    const owner = callerFor(org.owner);

    await owner.members.changeRole({ orgSlug: org.slug, userId: member.userId, role: "ADMIN" });
    const demoteSelf = await errorOf(owner.members.changeRole({ orgSlug: org.slug, userId: org.owner.userId, role: "ADMIN" }));
    expect(demoteSelf.code).toBe("CONFLICT");
    expect(demoteSelf.message).toMatch(/at least one owner/);
    const leave = await errorOf(owner.members.leave({ orgSlug: org.slug }));
    expect(leave.code).toBe("CONFLICT");

    // An admin may not remove or demote an owner, nor make anyone an owner.
    const admin = callerFor(member);
    expect((await errorOf(admin.members.remove({ orgSlug: org.slug, userId: org.owner.userId }))).code).toBe("FORBIDDEN");
    expect((await errorOf(admin.members.changeRole({ orgSlug: org.slug, userId: member.userId, role: "OWNER" }))).code).toBe("FORBIDDEN");

    // With a second owner, the first may step down.
    await owner.members.changeRole({ orgSlug: org.slug, userId: member.userId, role: "OWNER" });
    await owner.members.changeRole({ orgSlug: org.slug, userId: org.owner.userId, role: "MEMBER" });
    const members = await callerFor(member).members.list({ orgSlug: org.slug });
    expect(members.map((m) => [m.email, m.role]).sort()).toEqual([[member.email, "OWNER"], [org.owner.email, "MEMBER"]].sort());
  });

  it("keeps one owner when two owners demote each other at the same time", async () => {
    const org = await createOrgWithOwner("race");
    const second = await addMember(org, "OWNER", "second-owner");
    const results = await Promise.allSettled([
      callerFor(org.owner).members.changeRole({ orgSlug: org.slug, userId: second.userId, role: "MEMBER" }),
      callerFor(second).members.changeRole({ orgSlug: org.slug, userId: org.owner.userId, role: "MEMBER" }),
    ]);
    const owners = await withTenant({ tenantId: org.orgId }, (db) => db.memberships.countWithRole("OWNER"));
    expect(owners).toBe(1);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
  });

  it("lets a member leave and an admin remove a member; viewers cannot manage anyone", async () => {
    const org = await createOrgWithOwner("leave");
    const viewer = await addMember(org, "VIEWER", "viewer");
    const member = await addMember(org, "MEMBER", "leaver");
    expect((await errorOf(callerFor(viewer).members.remove({ orgSlug: org.slug, userId: member.userId }))).code).toBe("FORBIDDEN");
    expect((await errorOf(callerFor(viewer).invitations.create({ orgSlug: org.slug, email: "x@example.test" }))).code).toBe("FORBIDDEN");
    await callerFor(member).members.leave({ orgSlug: org.slug });
    await callerFor(org.owner).members.remove({ orgSlug: org.slug, userId: viewer.userId });
    const left = await errorOf(callerFor(member).organization.get({ orgSlug: org.slug }));
    expect(left.code).toBe("NOT_FOUND");
    expect((await callerFor(org.owner).members.list({ orgSlug: org.slug })).map((m) => m.email)).toEqual([org.owner.email]);
  });
});

describe("invitations", () => {
  it("are single-use", async () => {
    const org = await createOrgWithOwner("single");
    const email = `invitee-${uniqueSuffix()}@example.test`;
    const token = await inviteToken(org, email);
    const { userId } = await callerFor(null).account.signUp({ name: "Invitee", email, password: TEST_PASSWORD });
    const session = { userId, email, name: "Invitee" };
    expect(await callerFor(session).invitations.accept({ token })).toEqual({ slug: org.slug });
    const again = await errorOf(callerFor(session).invitations.accept({ token }));
    expect(again.message).toMatch(/already been used/);
    expect((await callerFor(null).invitations.preview({ token })).status).toBe("accepted");
  });

  it("expire", async () => {
    const org = await createOrgWithOwner("expiry");
    const email = `late-${uniqueSuffix()}@example.test`;
    const token = await inviteToken(org, email);
    await withTenant({ tenantId: org.orgId }, async (db) => {
      const [pending] = await db.invitations.listPending(new Date());
      // Test-only backdating through the owner-free path: expire the invitation an hour ago.
      await (db as unknown as { invitations: { revoke: unknown } }).invitations;
      return pending;
    });
    const { prisma } = await import("@greenroom/db");
    await prisma().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${org.orgId}, true)`;
      await tx.$executeRaw`UPDATE invitations SET expires_at = now() - interval '1 hour' WHERE tenant_id = ${org.orgId}::uuid`;
    });
    const { userId } = await callerFor(null).account.signUp({ name: "Late", email, password: TEST_PASSWORD });
    const error = await errorOf(callerFor({ userId, email, name: "Late" }).invitations.accept({ token }));
    expect(error.message).toMatch(/expired/);
    expect((await callerFor(null).invitations.preview({ token })).status).toBe("expired");
  });

  it("only work for the invited email, and revoked or replaced links stop working", async () => {
    const org = await createOrgWithOwner("revoke");
    const email = `rev-${uniqueSuffix()}@example.test`;
    const first = await inviteToken(org, email);
    const second = await inviteToken(org, email); // replaces the first
    const other = await createOrgWithOwner("other");
    expect((await errorOf(callerFor(other.owner).invitations.accept({ token: second }))).code).toBe("FORBIDDEN");

    const { userId } = await callerFor(null).account.signUp({ name: "Rev", email, password: TEST_PASSWORD });
    const session = { userId, email, name: "Rev" };
    expect((await errorOf(callerFor(session).invitations.accept({ token: first }))).message).toMatch(/withdrawn/);
    const [pending] = await callerFor(org.owner).invitations.list({ orgSlug: org.slug });
    await callerFor(org.owner).invitations.revoke({ orgSlug: org.slug, invitationId: pending!.id });
    expect((await errorOf(callerFor(session).invitations.accept({ token: second }))).message).toMatch(/withdrawn/);
    expect((await errorOf(callerFor(null).invitations.preview({ token: "not-a-token-at-all" }))).code).toBe("NOT_FOUND");
  });

  it("refuse inviting an existing member, and admins cannot invite owners", async () => {
    const org = await createOrgWithOwner("dupe");
    const admin = await addMember(org, "ADMIN", "admin");
    const dupe = await errorOf(callerFor(org.owner).invitations.create({ orgSlug: org.slug, email: admin.email }));
    expect(dupe.code).toBe("CONFLICT");
    const owner = await errorOf(callerFor(admin).invitations.create({ orgSlug: org.slug, email: "o@example.test", role: "OWNER" }));
    expect(owner.code).toBe("FORBIDDEN");
    const bad = await errorOf(callerFor(org.owner).invitations.create({ orgSlug: org.slug, email: "not an email" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toBe("Enter a valid email address, like name@company.com");
  });
});

describe("audit log", () => {
  it("records who did what, when and from where, and filters", async () => {
    const org = await createOrgWithOwner("audit");
    const member = await addMember(org, "MEMBER", "audited");
    const owner = callerFor(org.owner, "203.0.113.7");
    await owner.members.changeRole({ orgSlug: org.slug, userId: member.userId, role: "ADMIN" });
    await owner.organization.updateSettings({ orgSlug: org.slug, name: "Renamed Org" });

    const all = await owner.audit.list({ orgSlug: org.slug });
    expect(all.events.map((event) => event.action)).toEqual([
      "org.settings_updated",
      "member.role_changed",
      "member.joined",
      "invitation.accepted",
      "invitation.created",
      "member.joined",
      "org.created",
    ]);
    const roleChange = all.events[1]!;
    expect(roleChange).toMatchObject({ actorEmail: org.owner.email, ip: "203.0.113.7", targetLabel: member.email, metadata: { from: "MEMBER", to: "ADMIN" } });

    const members = await owner.audit.list({ orgSlug: org.slug, action: "member" });
    expect(members.events.every((event) => event.action.startsWith("member."))).toBe(true);
    const byActor = await owner.audit.list({ orgSlug: org.slug, actorId: member.userId });
    expect(byActor.events.map((event) => event.action)).toEqual(["member.joined", "invitation.accepted"]);

    const firstPage = await owner.audit.list({ orgSlug: org.slug, limit: 3 });
    const secondPage = await owner.audit.list({ orgSlug: org.slug, limit: 3, cursor: firstPage.nextCursor! });
    expect([...firstPage.events, ...secondPage.events].map((event) => event.id)).toEqual(all.events.slice(0, 6).map((event) => event.id));

    const plainMember = await addMember(org, "MEMBER", "plain");
    expect((await errorOf(callerFor(plainMember).audit.list({ orgSlug: org.slug }))).code).toBe("FORBIDDEN");
  });
});

describe("rate limits", () => {
  it("stop sign-ups from one IP after the hourly budget", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const attempts = [];
    for (let i = 0; i < 11; i++) {
      attempts.push(
        await callerFor(null, ip)
          .account.signUp({ name: "Flood", email: `flood-${i}-${uniqueSuffix()}@example.test`, password: TEST_PASSWORD })
          .then(() => "ok", (error: TRPCError) => error.code),
      );
    }
    expect(attempts.slice(0, 10).every((outcome) => outcome === "ok")).toBe(true);
    expect(attempts[10]).toBe("TOO_MANY_REQUESTS");
  });
});
