import { createHash, randomBytes } from "node:crypto";

import { withTenant, type ApiTokenRecord, type ApiTokenScope, type TenantDb } from "@greenroom/db";

import { recordAudit, type ActorRef, type RequestMeta } from "./audit";
import { DomainError } from "./errors";

/**
 * Org API tokens for the catalog REST API and the push API.
 *
 * Format: `grt_<tenant id, 32 hex>_<secret, 48 hex>`. The tenant part lets a request find its org
 * before anything is authenticated (the token table is tenant-owned under RLS); the secret carries
 * 192 random bits. Only the SHA-256 of the whole token is stored, so a database leak yields no
 * usable token; the plain token is shown once, when it is created.
 */
const PREFIX = "grt_";
const TOKEN_PATTERN = /^grt_([0-9a-f]{32})_([0-9a-f]{48})$/;

export type ApiTokenPrincipal = { tenantId: string; tokenId: string; scope: ApiTokenScope };

function compactTenantId(tenantId: string): string {
  return tenantId.replace(/-/g, "").toLowerCase();
}

function expandTenantId(compact: string): string {
  return `${compact.slice(0, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}-${compact.slice(16, 20)}-${compact.slice(20)}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What the UI shows to tell tokens apart: the prefix and the first characters of the secret. */
function displayHintOf(secret: string): string {
  return `${PREFIX}…${secret.slice(0, 6)}`;
}

export const API_TOKEN_NAME_MAX = 100;

export async function createApiToken(
  db: TenantDb,
  actor: ActorRef | null,
  meta: RequestMeta,
  input: { name: string; scope: ApiTokenScope },
): Promise<{ token: string; record: ApiTokenRecord }> {
  const name = input.name.trim();
  if (!name) throw new DomainError("BAD_REQUEST", "Give the token a name, e.g. the CI job that will use it", "name");
  if (name.length > API_TOKEN_NAME_MAX) throw new DomainError("BAD_REQUEST", `Keep the name under ${API_TOKEN_NAME_MAX} characters`, "name");
  const secret = randomBytes(24).toString("hex");
  const token = `${PREFIX}${compactTenantId(db.tenantId)}_${secret}`;
  const record = await db.apiTokens.create({
    name,
    scope: input.scope,
    tokenHash: hashApiToken(token),
    displayHint: displayHintOf(secret),
    createdById: actor?.userId ?? null,
  });
  await recordAudit(db, actor, meta, "api_token.created", { type: "api_token", id: record.id, label: name }, { scope: input.scope });
  return { token, record };
}

export async function revokeApiToken(db: TenantDb, actor: ActorRef, meta: RequestMeta, input: { tokenId: string }): Promise<ApiTokenRecord> {
  const token = await db.apiTokens.findById(input.tokenId);
  if (!token) throw new DomainError("NOT_FOUND", "No such API token");
  if (!(await db.apiTokens.revoke(token.id))) throw new DomainError("CONFLICT", "This token was already revoked");
  await recordAudit(db, actor, meta, "api_token.revoked", { type: "api_token", id: token.id, label: token.name }, { scope: token.scope });
  return (await db.apiTokens.findById(token.id)) ?? token;
}

/**
 * The org, token and scope a bearer token stands for, or null (unknown, malformed or revoked).
 * The lookup compares SHA-256 digests through the unique index, never the secret itself, so its
 * timing says nothing about how much of a guessed secret was right. `lastUsedAt` is written at
 * most once a minute per token.
 */
export async function authenticateApiToken(token: string, now = new Date()): Promise<ApiTokenPrincipal | null> {
  const trimmed = token.trim();
  const match = TOKEN_PATTERN.exec(trimmed);
  if (!match) return null;
  const tenantId = expandTenantId(match[1]!);
  return withTenant({ tenantId }, async (db) => {
    const record = await db.apiTokens.findActiveByHash(hashApiToken(trimmed));
    if (!record) return null;
    await db.apiTokens.touch(record.id, now);
    return { tenantId, tokenId: record.id, scope: record.scope };
  });
}

/** The token's tenant, read from its text alone (no authentication): for routing and logs. */
export function tenantOfApiToken(token: string): string | null {
  const match = TOKEN_PATTERN.exec(token.trim());
  return match ? expandTenantId(match[1]!) : null;
}
