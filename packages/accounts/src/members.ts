import { seatSyncAfterCommit } from "@greenroom/billing";
import type { MemberRecord, Role, TenantDb } from "@greenroom/db";

import { recordAudit, type ActorRef, type RequestMeta } from "./audit";
import { DomainError } from "./errors";
import { canAssignRole, canManageMember } from "./roles";

export type Actor = ActorRef & { role: Role };

const LAST_OWNER = "An organization needs at least one owner. Make someone else an owner first.";

async function findMember(db: TenantDb, userId: string): Promise<MemberRecord> {
  const member = await db.memberships.find(userId);
  if (!member) throw new DomainError("NOT_FOUND", "This person is not a member of the organization");
  return member;
}

/** Locks the owners' rows, then refuses if `leaving` is the only owner left. */
async function assertAnotherOwnerRemains(db: TenantDb): Promise<void> {
  await db.memberships.lockOwners();
  if ((await db.memberships.countWithRole("OWNER")) <= 1) throw new DomainError("CONFLICT", LAST_OWNER);
}

export async function changeMemberRole(db: TenantDb, actor: Actor, meta: RequestMeta, input: { userId: string; role: Role }) {
  const target = await findMember(db, input.userId);
  if (!canManageMember(actor.role, target.role) || !canAssignRole(actor.role, input.role)) {
    throw new DomainError("FORBIDDEN", "Only owners can grant, change or remove the owner role", "role");
  }
  if (target.role === input.role) return target;
  if (target.role === "OWNER") await assertAnotherOwnerRemains(db);
  const updated = await db.memberships.updateRole(input.userId, input.role);
  await recordAudit(db, actor, meta, "member.role_changed", { type: "member", id: target.userId, label: target.user.email }, {
    from: target.role,
    to: input.role,
  });
  return updated;
}

export async function removeMember(db: TenantDb, actor: Actor, meta: RequestMeta, input: { userId: string }) {
  if (input.userId === actor.userId) {
    throw new DomainError("BAD_REQUEST", "To remove yourself, leave the organization instead");
  }
  const target = await findMember(db, input.userId);
  if (!canManageMember(actor.role, target.role)) {
    throw new DomainError("FORBIDDEN", "Only owners can remove an owner");
  }
  if (target.role === "OWNER") await assertAnotherOwnerRemains(db);
  await db.memberships.remove(target.userId);
  await recordAudit(db, actor, meta, "member.removed", { type: "member", id: target.userId, label: target.user.email }, {
    role: target.role,
  });
  await seatSyncAfterCommit(db);
}

export async function leaveOrganization(db: TenantDb, actor: Actor, meta: RequestMeta) {
  if (actor.role === "OWNER") await assertAnotherOwnerRemains(db);
  await db.memberships.remove(actor.userId);
  await recordAudit(db, actor, meta, "member.left", { type: "member", id: actor.userId, label: actor.email }, {
    role: actor.role,
  });
  await seatSyncAfterCommit(db);
}
