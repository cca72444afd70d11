import type { Role } from "@greenroom/db";

const RANK: Record<Role, number> = { VIEWER: 0, MEMBER: 1, ADMIN: 2, OWNER: 3 };

export const ROLES_HIGH_TO_LOW: readonly Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

/** Admins manage members below owner; only owners grant, change or remove ownership. */
export function canAssignRole(actor: Role, role: Role): boolean {
  return role === "OWNER" ? actor === "OWNER" : hasRole(actor, "ADMIN");
}

export function canManageMember(actor: Role, target: Role): boolean {
  return target === "OWNER" ? actor === "OWNER" : hasRole(actor, "ADMIN");
}
