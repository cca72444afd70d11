import { createHmac, timingSafeEqual } from "node:crypto";

import { parseCatalogEntities, parseCatalogYaml, type ParsedEntity } from "@greenroom/catalog";
import { applyMutation, ensureSource } from "@greenroom/catalog/engine";
import { withTenant } from "@greenroom/db";
import { enqueue, prefixedKey, sharedRedis, type JobContext } from "@greenroom/queue";
import { UnrecoverableError } from "bullmq";

import { openSecrets } from "../framework/crypto";
import { PermanentError, RateLimitedError } from "../framework/errors";
import { guardedFetch, networkPolicyFromEnv } from "../framework/network";
import { requestSync } from "../framework/schedule";
import { DelayJob } from "@greenroom/queue";
import { fetchGithubRepo } from "./connector";

const DELIVERY_TTL_SECONDS = 7 * 24 * 3600;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

export function verifyGithubSignature(secret: string, rawBody: string, header: string | null): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Payload = { repository?: { name?: string; full_name?: string }; action?: string; changes?: { repository?: { name?: { from?: string } } } };

/**
 * GitHub's webhook for one integration (`/api/webhooks/github?tenant=…&integration=…`): the
 * signature is checked on the raw body with the integration's webhook secret, deliveries are
 * deduplicated by X-GitHub-Delivery, and events become jobs: a push or repository event syncs
 * that repository alone (one GraphQL request, a delta through the catalog engine); membership,
 * team, organization and installation events request a full sync (deduplicated).
 */
export async function handleGithubWebhook(input: { tenantId: string | null; integrationId: string | null; headers: Headers; rawBody: string }): Promise<WebhookAnswer> {
  const notFound: WebhookAnswer = { status: 404, body: { error: "Unknown integration" } };
  if (!input.tenantId || !input.integrationId || !UUID.test(input.tenantId) || !UUID.test(input.integrationId)) return notFound;
  const { tenantId, integrationId } = input;
  const found = await withTenant({ tenantId }, async (db) => ({ integration: await db.integrations.findById(integrationId), sealed: await db.integrations.secretsOf(integrationId) })).catch(() => null);
  if (!found?.integration || !found.sealed || found.integration.kind !== "GITHUB") return notFound;
  const secret = openSecrets(found.sealed.secretsCiphertext, found.sealed.id).webhookSecret;
  if (!secret) return { status: 404, body: { error: "Webhooks are not configured for this integration" } };
  if (!verifyGithubSignature(secret, input.rawBody, input.headers.get("x-hub-signature-256"))) return { status: 401, body: { error: "Bad signature" } };

  const delivery = input.headers.get("x-github-delivery");
  const event = input.headers.get("x-github-event") ?? "";
  if (!delivery) return { status: 400, body: { error: "Missing X-GitHub-Delivery" } };
  const first = await sharedRedis().set(prefixedKey("github-delivery", integrationId, delivery), "1", "EX", DELIVERY_TTL_SECONDS, "NX");
  if (first !== "OK") return { status: 200, body: { duplicate: true } };

  let payload: Payload;
  try {
    payload = JSON.parse(input.rawBody) as Payload;
  } catch {
    return { status: 400, body: { error: "Body is not JSON" } };
  }
  if (found.integration.status === "PAUSED") return { status: 202, body: { ignored: "integration paused" } };
  const repo = payload.repository?.name;
  if ((event === "push" || event === "repository") && repo) {
    await enqueue("integration.sync-repo", { tenantId, integrationId, repo }, { deduplication: { id: `repo-${integrationId}-${repo}`.replaceAll(":", "-"), keepLastIfActive: true } });
    const renamedFrom = payload.changes?.repository?.name?.from;
    // Renames and deletions remove entities: the full sync (and its guard) handles those.
    if (event === "repository" && (renamedFrom || payload.action === "deleted" || payload.action === "transferred")) await requestSync(tenantId, integrationId, "webhook");
    return { status: 202, body: { queued: "repository" } };
  }
  if (["membership", "member", "team", "organization", "installation", "installation_repositories", "team_add"].includes(event)) {
    await requestSync(tenantId, integrationId, "webhook");
    return { status: 202, body: { queued: "sync" } };
  }
  return { status: 202, body: { ignored: event || "no event" } };
}

/** The targeted sync a push triggers: that repository's entities, upserted as a delta. */
export async function syncGithubRepo(payload: { tenantId: string; integrationId: string; repo: string }, _job?: JobContext): Promise<{ upserted: number }> {
  const scope = { tenantId: payload.tenantId };
  const loaded = await withTenant(scope, async (db) => ({ integration: await db.integrations.findById(payload.integrationId), sealed: await db.integrations.secretsOf(payload.integrationId) }));
  if (!loaded.integration || !loaded.sealed) return { upserted: 0 };
  let fetched;
  try {
    fetched = await fetchGithubRepo({ config: loaded.integration.config as Record<string, unknown>, secrets: openSecrets(loaded.sealed.secretsCiphertext, loaded.sealed.id), fetch: guardedFetch(networkPolicyFromEnv()) }, payload.repo);
  } catch (error) {
    if (error instanceof RateLimitedError) throw new DelayJob(error.resetAt, error.message);
    if (error instanceof PermanentError) throw new UnrecoverableError(error.message);
    throw error;
  }
  if (fetched.items.length === 0) return { upserted: 0 };
  const items = fetched.items;
  return withTenant(scope, async (db) => {
    const source = await ensureSource(db, { kind: "INTEGRATION", key: payload.integrationId });
    // The repository's catalog file and the files its Locations bring in (or its inferred Component).
    const entities: ParsedEntity[] = items.flatMap((item) =>
      "doc" in item ? parseCatalogEntities([item.doc], { sourceName: source.name }).entities : "yaml" in item ? parseCatalogYaml(item.yaml, { sourceName: item.location }).entities : [],
    );
    const seen = new Set<string>();
    const unique = entities.filter((entity) => (seen.has(entity.ref) ? false : (seen.add(entity.ref), true)));
    const result = await applyMutation(db, source, { type: "delta", upserts: unique });
    return { upserted: result.created + result.updated };
  });
}
