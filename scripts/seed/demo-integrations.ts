import { recordAudit } from "@greenroom/accounts";
import { createIntegration, loadSecrets, parseConfig, parseSecrets, replaceSecrets, requestSync, scheduleIntegration } from "@greenroom/connectors";
import { withGlobal, withTenant, type Prisma } from "@greenroom/db";

import { DEMO } from "./demo-org";
import type { DemoIntegrationSpec } from "./demo-integrations-env";

export type SeededIntegration = { tenantId: string; integrationId: string; created: boolean; repointed: boolean };

const meta = { ip: "127.0.0.1", userAgent: "greenroom-seed" };

function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (value: unknown) => JSON.stringify(value, Object.keys((value ?? {}) as object).sort());
  return sorted(a) === sorted(b);
}

/**
 * The demo org's integration for one demo simulator. Idempotent: one of that name already
 * there is kept as it is (its runs, its status), only re-pointed when the simulator's URL or
 * credentials changed (another port this start, a regenerated .data/secrets.json). A new one is
 * scheduled and its first sync queued; the worker runs it once it starts.
 */
export async function seedDemoIntegration(spec: DemoIntegrationSpec): Promise<SeededIntegration> {
  const org = await withGlobal((db) => db.organizations.findBySlug(DEMO.org.slug));
  if (!org) throw new Error(`The demo organization "${DEMO.org.slug}" does not exist; run the database setup first`);
  const owner = await withGlobal((db) => db.users.findByEmail(DEMO.owner.email));
  const actor = owner ? { userId: owner.id, email: owner.email } : null;
  const tenantId = org.id;
  // Compared as stored: parsed (defaults filled in, values trimmed).
  const config = parseConfig(spec.kind, spec.config);
  const secrets = parseSecrets(spec.kind, spec.secrets);

  const outcome = await withTenant({ tenantId, userId: owner?.id }, async (db) => {
    const existing = (await db.integrations.list()).find((integration) => integration.kind === spec.kind && integration.name === spec.name);
    if (!existing) {
      const record = await createIntegration(db, { kind: spec.kind, name: spec.name, config, secrets, intervalMinutes: spec.intervalMinutes, createdById: owner?.id ?? null });
      await recordAudit(db, actor, meta, "integration.connected", { type: "integration", id: record.id, label: record.name }, { kind: spec.kind, baseUrl: String(config.baseUrl), intervalMinutes: record.intervalMinutes });
      return { integrationId: record.id, created: true, repointed: false, status: record.status, intervalMinutes: record.intervalMinutes };
    }
    const configChanged = !sameJson(existing.config, config);
    const secretsChanged = !sameJson(await loadSecrets(db, existing.id), secrets);
    if (configChanged) await db.integrations.update(existing.id, { config: config as Prisma.InputJsonValue });
    if (secretsChanged) await replaceSecrets(db, existing, secrets);
    const repointed = configChanged || secretsChanged;
    // Re-pointed after an error (the simulator was elsewhere): try again.
    const status = repointed && existing.status === "ERROR" ? (await db.integrations.update(existing.id, { status: "ACTIVE", statusMessage: null })).status : existing.status;
    return { integrationId: existing.id, created: false, repointed, status, intervalMinutes: existing.intervalMinutes };
  });

  if (outcome.status === "ACTIVE") await scheduleIntegration(tenantId, outcome.integrationId, outcome.intervalMinutes);
  if (outcome.created || (outcome.repointed && outcome.status === "ACTIVE")) await requestSync(tenantId, outcome.integrationId, outcome.created ? "setup" : "manual");
  return { tenantId, integrationId: outcome.integrationId, created: outcome.created, repointed: outcome.repointed };
}
