import {
  acceptInvitation,
  createApiToken,
  createInvitation,
  revokeApiToken,
  signUp,
  updateOrganizationSettings,
  type RateLimiter,
} from "@greenroom/accounts";
import { parseCatalogEntities } from "@greenroom/catalog";
import { applyMutation, ensureSource } from "@greenroom/catalog/engine";
import { generateCatalog } from "@greenroom/catalog/fixtures";
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
export async function seedDemoOrg(): Promise<{ created: boolean; entities: number }> {
  const existing = await withGlobal((db) => db.organizations.findBySlug(DEMO.org.slug));
  if (existing) return { created: false, entities: await seedDemoCatalog(existing.id) };

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
  return { created: true, entities: await seedDemoCatalog(orgId) };
}

/**
 * A realistic catalog (domains, systems, teams, people, services, APIs with real definitions),
 * applied as a full mutation of one source: re-running it writes nothing.
 */
async function seedDemoCatalog(orgId: string): Promise<number> {
  const { entities, errors } = parseCatalogEntities(generateCatalog({ org: "acme" }), { sourceName: "demo" });
  if (errors.length) throw new Error(`The demo catalog does not validate: ${errors[0]?.message}`);
  await withTenant({ tenantId: orgId }, async (db) => {
    const source = await ensureSource(db, { kind: "PUSH", key: "demo-catalog" });
    await applyMutation(db, source, { type: "full", entities });
  });
  return entities.length;
}

const DEMO_TOKEN_NAME = "Demo token (pnpm start)";

/**
 * A read-write API token for the demo org, printed by `pnpm start`. Tokens are stored hashed, so
 * each start issues a new one and revokes the previous demo token.
 */
export async function issueDemoApiToken(): Promise<string> {
  const org = await withGlobal((db) => db.organizations.findBySlug(DEMO.org.slug));
  if (!org) throw new Error("The demo organization does not exist");
  const owner = await withGlobal((db) => db.users.findByEmail(DEMO.owner.email));
  const actor = owner ? { userId: owner.id, email: owner.email } : null;
  return withTenant({ tenantId: org.id, userId: owner?.id }, async (db) => {
    for (const token of await db.apiTokens.list()) {
      if (token.name === DEMO_TOKEN_NAME && !token.revokedAt && actor) await revokeApiToken(db, actor, meta, { tokenId: token.id });
    }
    const { token } = await createApiToken(db, actor, meta, { name: DEMO_TOKEN_NAME, scope: "WRITE" });
    return token;
  });
}
