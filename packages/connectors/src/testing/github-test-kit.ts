import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { sourceName } from "@greenroom/catalog/engine";
import { withTenant, type SyncRunRecord } from "@greenroom/db";

import { createIntegration } from "../framework/integrations";
import { handleGithubWebhook } from "../github/webhooks";
import { waitFor } from "./wait-for";

export { waitFor };

// What the GitHub sync tests share: tenants, integrations, waiting for runs, reading what a
// source wrote, and a webhook receiver that does what apps/web's route does.

export async function newTenant(prefix = "gh"): Promise<string> {
  const tenantId = randomUUID();
  await withTenant({ tenantId }, (db) => db.organizations.create({ id: tenantId, slug: `${prefix}-${tenantId.slice(0, 8)}`, name: "GitHub test", trialEndsAt: new Date() }));
  return tenantId;
}

export async function connectGithub(tenantId: string, config: Record<string, unknown>, secrets: Record<string, string>) {
  return withTenant({ tenantId }, (db) => createIntegration(db, { kind: "GITHUB", name: `GitHub ${randomUUID().slice(0, 6)}`, config, secrets, intervalMinutes: 60, createdById: null }));
}

export async function runsOf(tenantId: string, integrationId: string): Promise<SyncRunRecord[]> {
  return withTenant({ tenantId }, (db) => db.integrationSyncRuns.listForIntegration(integrationId));
}

/** Waits until `count` runs have finished; returns the newest run. */
export async function finishedRuns(tenantId: string, integrationId: string, count = 1, timeoutMs?: number): Promise<SyncRunRecord> {
  return waitFor(async () => {
    const list = await runsOf(tenantId, integrationId);
    return list.filter((run) => run.finishedAt).length >= count && list[0]?.finishedAt ? list[0] : undefined;
  }, timeoutMs);
}

/** The refs the integration's source holds. */
export async function refsOf(tenantId: string, integrationId: string): Promise<string[]> {
  return withTenant({ tenantId }, async (db) => {
    const source = await db.catalogSources.findByName(sourceName("INTEGRATION", integrationId));
    return source ? (await db.catalogWrites.entitiesOfSource(source.id)).map((entity) => entity.ref) : [];
  });
}

export type EntityDocument = { kind: string; metadata: { name: string; description?: string; annotations?: Record<string, string> }; spec?: Record<string, unknown> };

export async function documentOf(tenantId: string, ref: string): Promise<EntityDocument | null> {
  const row = await withTenant({ tenantId }, (db) => db.catalogReads.getByRef(ref));
  return row ? (row.document as unknown as EntityDocument) : null;
}

/** An HTTP receiver for the simulator's webhooks that hands them to `handleGithubWebhook`. */
export async function startWebhookReceiver(tenantId: () => string, integrationId: () => string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
      handleGithubWebhook({ tenantId: tenantId(), integrationId: integrationId(), rawBody: Buffer.concat(chunks).toString("utf8"), headers }).then(
        (answer) => response.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body)),
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/github`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
