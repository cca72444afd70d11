import { createIntegration } from "@greenroom/connectors";
import { withTenant, type TenantDb } from "@greenroom/db";

import { uniqueSuffix, type OrgFixture } from "./fixtures";

/**
 * An org's GitHub integration with one recorded run, created directly (no schedule, no sync),
 * for the cross-tenant harness: ids by input field, and what must never reach another org
 * (nor the browser: the token and its sealed envelope).
 */
export async function seedIntegration(org: OrgFixture, label: string) {
  const suffix = uniqueSuffix();
  const token = `ghp_${label}_${suffix}_secret`;
  const name = `${label}-github-${suffix}`;
  const { integration, run, sealed } = await withTenant({ tenantId: org.orgId }, async (db) => {
    const integration = await createIntegration(db, {
      kind: "GITHUB",
      name,
      config: { baseUrl: `https://${label}-${suffix}.example.test/api/v3`, org: `${label}-${suffix}` },
      secrets: { token },
      intervalMinutes: 60,
      createdById: org.owner.userId,
    });
    const run = await db.integrationSyncRuns.create(integration.id, "manual");
    return { integration, run, sealed: (await db.integrations.secretsOf(integration.id))!.secretsCiphertext };
  });
  return {
    ids: { integrationId: [integration.id], runId: [run.id] },
    secrets: [token, sealed, name, integration.id, run.id, `${label}-${suffix}`],
    token,
  };
}

export async function integrationSnapshot(db: TenantDb) {
  return Promise.all(
    (await db.integrations.list()).map(async (integration) => [integration.id, integration.name, integration.status, integration.intervalMinutes, (await db.integrations.secretsOf(integration.id))?.secretsCiphertext]),
  );
}
