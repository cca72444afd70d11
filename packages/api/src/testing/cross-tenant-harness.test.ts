import { withGlobal, withTenant } from "@greenroom/db";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { createContext } from "../context";
import { authedProcedure, createCallerFactory, orgProcedure, router } from "../trpc";
import { runCrossTenantHarness } from "./cross-tenant-harness";
import { createOrgWithOwner } from "./fixtures";

// The harness must fail on the bugs it exists to catch; here are three, planted on purpose.
const leakyRouter = router({
  // Skips the membership check: resolves the slug and reads that tenant's members.
  membersBySlug: authedProcedure.input(z.object({ orgSlug: z.string() })).query(async ({ input }) => {
    const org = await withGlobal((db) => db.organizations.findBySlug(input.orgSlug));
    return withTenant({ tenantId: org!.id }, (db) => db.memberships.list());
  }),
  // Honest about the org, but looks the user up globally instead of inside the tenant.
  userById: orgProcedure.input(z.object({ userId: z.uuid() })).query(({ input }) =>
    withGlobal((db) => db.users.findById(input.userId)),
  ),
  // Takes no org and was never listed as safe.
  unlisted: authedProcedure.query(() => "hello"),
});

describe("the cross-tenant harness", () => {
  it("fails a router that leaks across tenants, naming each hole", async () => {
    const victimOrg = await createOrgWithOwner("leak-victim");
    const attackerOrg = await createOrgWithOwner("leak-attacker");
    const caller = createCallerFactory(leakyRouter);
    const { failures } = await runCrossTenantHarness({
      router: leakyRouter,
      call: (session, path, input) => {
        const api = caller(createContext({ session, meta: { ip: null, userAgent: null } })) as unknown as Record<string, (input: unknown) => Promise<unknown>>;
        return api[path]!(input);
      },
      victim: { slug: victimOrg.slug, session: victimOrg.owner, ids: { userId: [victimOrg.owner.userId] }, secrets: [victimOrg.owner.email] },
      attacker: { slug: attackerOrg.slug, session: attackerOrg.owner, ids: { userId: [attackerOrg.owner.userId] }, secrets: [] },
      orgless: {},
      snapshotVictim: async () => null,
    });
    expect(failures).toEqual([
      "membersBySlug [victim org + victim ids]: succeeded",
      `userById [own org + victim ids]: answer contains "${victimOrg.owner.email}"`,
      'unlisted: takes no orgSlug and is not listed in "orgless" with a reason',
    ]);
  });
});
