import { ensureSource } from "@greenroom/catalog/engine";
import { withTenant, type TenantDb } from "@greenroom/db";

import { callerFor, uniqueSuffix, type OrgFixture } from "./fixtures";

/**
 * An org's API access for the cross-tenant harness: an API token and a registered location
 * (created directly as a LOCATION source, so no URL is fetched), with their ids by input field
 * and the strings that must never reach another org.
 */
export async function seedApiAccess(org: OrgFixture, label: string) {
  const suffix = uniqueSuffix();
  const tokenName = `${label}-token-${suffix}`;
  const { apiToken } = await callerFor(org.owner).apiTokens.create({ orgSlug: org.slug, name: tokenName, scope: "WRITE" });
  const target = `https://${label}-${suffix}.example.test/catalog-info.yaml`;
  const location = await withTenant({ tenantId: org.orgId }, (db) => ensureSource(db, { kind: "LOCATION", key: target, target }));
  return {
    ids: { tokenId: [apiToken.id], locationId: [location.id] },
    secrets: [tokenName, apiToken.id, target, location.id],
  };
}

/** What a cross-tenant call must not change: tokens (and their revocation) and locations. */
export async function apiAccessSnapshot(db: TenantDb) {
  return {
    tokens: (await db.apiTokens.list()).map((token) => [token.id, token.revokedAt?.toISOString() ?? null]),
    locations: (await db.catalogSources.list()).filter((source) => source.kind === "LOCATION").map((source) => [source.id, source.target, source.entityCount]),
  };
}
