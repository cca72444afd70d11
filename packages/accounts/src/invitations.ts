import { createHash, randomBytes } from "node:crypto";

import { assertSeatAvailable, effectivePlan, seatSyncAfterCommit } from "@greenroom/billing";
import { withTenant, type InvitationRecord, type Role, type TenantDb } from "@greenroom/db";

import { recordAudit, type ActorRef, type RequestMeta } from "./audit";
import { DomainError } from "./errors";
import type { Actor } from "./members";
import { canAssignRole } from "./roles";

export const INVITATION_TTL_DAYS = 7;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INVALID_LINK = "This invitation link is not valid. Ask an admin of the organization to invite you again.";

// A token names its tenant (so it can be looked up before anyone is a member) and carries 192
// random bits; only its SHA-256 is stored, so a database leak yields no usable links.
function newToken(tenantId: string): string {
  return `${tenantId}.${randomBytes(24).toString("base64url")}`;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function tenantOfToken(token: string): string {
  const tenantId = token.split(".")[0] ?? "";
  if (!UUID.test(tenantId) || token.length > 200) throw new DomainError("NOT_FOUND", INVALID_LINK);
  return tenantId;
}

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export function invitationStatus(invitation: Pick<InvitationRecord, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "pending";
}

export async function createInvitation(db: TenantDb, actor: Actor, meta: RequestMeta, input: { email: string; role: Role }) {
  if (!canAssignRole(actor.role, input.role)) {
    throw new DomainError("FORBIDDEN", "Only owners can invite another owner", "role");
  }
  const members = await db.memberships.list();
  if (members.some((member) => member.user.email === input.email)) {
    throw new DomainError("CONFLICT", `${input.email} is already a member`, "email");
  }
  // Inviting the same address again replaces the earlier link: only the newest one works.
  const now = new Date();
  for (const pending of await db.invitations.listPending(now)) {
    if (pending.email === input.email) await db.invitations.revoke(pending.id, now);
  }
  // A pending invitation holds a seat: members + pending invitations must stay within the plan.
  // The org row lock makes two invitations racing for the last seat go one after the other.
  const billing = await db.billing.lock();
  assertSeatAvailable(effectivePlan(billing, now), (await db.memberships.count()) + (await db.invitations.countPending(now)), "invite");
  const token = newToken(db.tenantId);
  const invitation = await db.invitations.create({
    email: input.email,
    role: input.role,
    tokenHash: hashToken(token),
    invitedById: actor.userId,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600 * 1000),
  });
  await recordAudit(db, actor, meta, "invitation.created", { type: "invitation", id: invitation.id, label: input.email }, {
    role: input.role,
  });
  return { invitation, token };
}

export async function revokeInvitation(db: TenantDb, actor: Actor, meta: RequestMeta, input: { invitationId: string }) {
  const invitation = await db.invitations.findById(input.invitationId);
  if (!invitation) throw new DomainError("NOT_FOUND", "No such invitation");
  if (!(await db.invitations.revoke(invitation.id, new Date()))) {
    throw new DomainError("CONFLICT", "This invitation was already accepted or revoked");
  }
  await recordAudit(db, actor, meta, "invitation.revoked", { type: "invitation", id: invitation.id, label: invitation.email });
}

export type InvitationPreview = {
  organization: { name: string; slug: string };
  email: string;
  role: Role;
  invitedBy: string | null;
  status: InvitationStatus;
};

/** What the invitation page shows to whoever holds the link. */
export async function previewInvitation(token: string): Promise<InvitationPreview> {
  const tenantId = tenantOfToken(token);
  return withTenant({ tenantId }, async (db) => {
    const invitation = await db.invitations.findByTokenHash(hashToken(token));
    if (!invitation) throw new DomainError("NOT_FOUND", INVALID_LINK);
    const org = await db.organization.get();
    return {
      organization: { name: org.name, slug: org.slug },
      email: invitation.email,
      role: invitation.role,
      invitedBy: invitation.invitedBy?.name ?? null,
      status: invitationStatus(invitation),
    };
  });
}

const STATUS_MESSAGES: Record<Exclude<InvitationStatus, "pending">, string> = {
  accepted: "This invitation has already been used. Ask an admin for a new one if you still need access.",
  revoked: "This invitation was withdrawn. Ask an admin of the organization for a new one.",
  expired: `This invitation has expired (links last ${INVITATION_TTL_DAYS} days). Ask an admin for a new one.`,
};

export async function acceptInvitation(token: string, user: ActorRef, meta: RequestMeta): Promise<{ slug: string }> {
  const tenantId = tenantOfToken(token);
  return withTenant({ tenantId, userId: user.userId }, async (db) => {
    const invitation = await db.invitations.findByTokenHash(hashToken(token));
    if (!invitation) throw new DomainError("NOT_FOUND", INVALID_LINK);
    const status = invitationStatus(invitation);
    if (status !== "pending") throw new DomainError("BAD_REQUEST", STATUS_MESSAGES[status]);
    if (invitation.email !== user.email) {
      throw new DomainError(
        "FORBIDDEN",
        `This invitation was sent to ${invitation.email}. Sign in with that address to accept it.`,
      );
    }
    const org = await db.organization.get();
    if (await db.memberships.find(user.userId)) {
      throw new DomainError("CONFLICT", `You are already a member of ${org.name}`);
    }
    // The plan may have changed since the invitation was sent (a trial ended): re-check, under
    // the org row lock so two people accepting at once cannot both take the last seat.
    const billing = await db.billing.lock();
    assertSeatAvailable(effectivePlan(billing), await db.memberships.count(), "accept");
    if (!(await db.invitations.markAccepted(invitation.id, user.userId, new Date()))) {
      throw new DomainError("BAD_REQUEST", STATUS_MESSAGES.accepted);
    }
    await db.memberships.create(user.userId, invitation.role);
    await recordAudit(db, user, meta, "invitation.accepted", { type: "invitation", id: invitation.id, label: invitation.email });
    await recordAudit(db, user, meta, "member.joined", { type: "member", id: user.userId, label: user.email }, {
      role: invitation.role,
      via: "invitation",
    });
    await seatSyncAfterCommit(db);
    return { slug: org.slug };
  });
}
