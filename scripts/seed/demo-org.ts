import {
  acceptInvitation,
  createInvitation,
  signUp,
  updateOrganizationSettings,
  type RateLimiter,
} from "@greenroom/accounts";
import { withGlobal, withTenant } from "@greenroom/db";

export const DEMO = {
  org: { name: "Acme Corp", slug: "acme" },
  owner: { name: "Ada Admin", email: "admin@acme.example", password: "acme-portal-demo" },
  teammates: [
    { name: "Grace Hopper", email: "grace@acme.example", role: "ADMIN" as const },
    { name: "Linus Lovelace", email: "linus@acme.example", role: "MEMBER" as const },
    { name: "Margaret Viewer", email: "margaret@acme.example", role: "VIEWER" as const },
  ],
} as const;

// The seed is a trusted local process: no rate limits apply to it.
const unlimited: RateLimiter = { consume: async () => undefined, reset: async () => undefined };
const meta = { ip: "127.0.0.1", userAgent: "greenroom-seed" };

/**
 * The demo org, created through the same domain functions a person's clicks use, so its audit
 * log reads like a real one. Idempotent: an existing demo org is left as it is.
 */
export async function seedDemoOrg(): Promise<{ created: boolean }> {
  if (await withGlobal((db) => db.organizations.findBySlug(DEMO.org.slug))) return { created: false };

  const owner = await signUp(
    { ...DEMO.owner, organization: { name: "Acme", slug: DEMO.org.slug } },
    unlimited,
    meta,
  );
  const orgId = owner.organization!.id;
  const ownerActor = { userId: owner.userId, email: DEMO.owner.email, role: "OWNER" as const };
  await withTenant({ tenantId: orgId, userId: owner.userId }, (db) =>
    updateOrganizationSettings(db, ownerActor, meta, { name: DEMO.org.name }),
  );
  for (const teammate of DEMO.teammates) {
    const { token } = await withTenant({ tenantId: orgId, userId: owner.userId }, (db) =>
      createInvitation(db, ownerActor, meta, { email: teammate.email, role: teammate.role }),
    );
    const account = await signUp({ name: teammate.name, email: teammate.email, password: DEMO.owner.password }, unlimited, meta);
    await acceptInvitation(token, { userId: account.userId, email: teammate.email }, meta);
  }
  return { created: true };
}
