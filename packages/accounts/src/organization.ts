import { withUser, type TenantDb } from "@greenroom/db";

import { recordAudit, type RequestMeta } from "./audit";
import type { Actor } from "./members";

export async function updateOrganizationSettings(db: TenantDb, actor: Actor, meta: RequestMeta, input: { name: string }) {
  const before = await db.organization.get();
  if (before.name === input.name) return before;
  const after = await db.organization.update({ name: input.name });
  await recordAudit(db, actor, meta, "org.settings_updated", { type: "organization", id: after.id, label: after.name }, {
    changes: { name: { from: before.name, to: after.name } },
  });
  return after;
}

/** The orgs a user belongs to, for the switcher and the post-sign-in redirect. */
export async function listMyOrganizations(userId: string) {
  const rows = await withUser(userId, (db) => db.memberships.list());
  return rows.map((row) => ({ ...row.organization, role: row.role }));
}
