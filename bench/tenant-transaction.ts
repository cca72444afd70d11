import { randomUUID } from "node:crypto";

import { createPrismaClient, withTenant } from "@greenroom/db";

import { withBenchDatabase } from "./lib/bench-database";
import { measure, measureConcurrent, printTable } from "./lib/stats";

/**
 * What the per-request tenant transaction costs (DESIGN.md tenancy rule 3): BEGIN +
 * set_config + the query + COMMIT as the app role under RLS, against the same query sent alone
 * by a role that bypasses RLS (the baseline a non-tenant-scoped app would pay).
 */
export async function benchTenantTransaction(): Promise<void> {
  await withBenchDatabase(async (urls) => {
    process.env.DATABASE_URL = urls.appUrl;
    const tenantId = randomUUID();
    let userId = "";
    await withTenant({ tenantId }, async (db) => {
      await db.organizations.create({ id: tenantId, slug: "bench", name: "Bench", trialEndsAt: new Date() });
      for (let i = 0; i < 50; i++) {
        const user = await db.users.create({ email: `bench-${i}@example.test`, name: `Bench ${i}` });
        await db.memberships.create(user.id, i === 0 ? "OWNER" : "MEMBER");
        userId ||= user.id;
      }
    });

    const baseline = createPrismaClient(urls.adminUrl);
    const key = { tenantId_userId: { tenantId, userId } };
    const iterations = 2_000;
    const single = {
      bare: await measure(iterations, () => baseline.membership.findUnique({ where: key })),
      scoped: await measure(iterations, () => withTenant({ tenantId, userId }, (db) => db.memberships.find(userId))),
    };
    // A typical request makes several queries; the transaction is paid once per request.
    const threeQueries = {
      bare: await measure(iterations / 2, async () => {
        await baseline.membership.findUnique({ where: key });
        await baseline.membership.count({ where: { tenantId } });
        await baseline.invitation.findMany({ where: { tenantId } });
      }),
      scoped: await measure(iterations / 2, () =>
        withTenant({ tenantId, userId }, async (db) => {
          await db.memberships.find(userId);
          await db.memberships.count();
          await db.invitations.listPending(new Date());
        }),
      ),
    };
    const concurrent = {
      bare: await measureConcurrent(16, 200, () => baseline.membership.findUnique({ where: key })),
      scoped: await measureConcurrent(16, 200, () => withTenant({ tenantId, userId }, (db) => db.memberships.find(userId))),
    };
    await baseline.$disconnect();

    printTable("Tenant transaction overhead (membership lookup by primary key)", [
      { label: "1 query, no tenant transaction (bypass RLS)", summary: single.bare },
      { label: "1 query in withTenant (app role, RLS)", summary: single.scoped },
      { label: "3 queries, no tenant transaction", summary: threeQueries.bare },
      { label: "3 queries in one withTenant", summary: threeQueries.scoped },
      { label: "1 query, 16 concurrent, no transaction", summary: concurrent.bare },
      { label: "1 query, 16 concurrent, withTenant", summary: concurrent.scoped },
    ]);
    const extra = (a: number, b: number) => `+${(b - a).toFixed(2)} ms (${(b / a).toFixed(2)}×)`;
    console.log(`  extra per request, 1 query:   p50 ${extra(single.bare.p50, single.scoped.p50)}`);
    console.log(`  extra per request, 3 queries: p50 ${extra(threeQueries.bare.p50, threeQueries.scoped.p50)}`);
    console.log(`  extra at 16 concurrent:       p50 ${extra(concurrent.bare.p50, concurrent.scoped.p50)}`);
  });
}
