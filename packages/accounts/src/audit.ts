import { BILLING_AUDIT_ACTIONS } from "@greenroom/billing";
import type { Prisma } from "@greenroom/db";
import type { TenantDb } from "@greenroom/db";

export type RequestMeta = { ip: string | null; userAgent: string | null };
export type ActorRef = { userId: string; email: string };

/** Every audited action; the audit page filters by these. */
export const AUDIT_ACTIONS = [
  "org.created",
  "org.settings_updated",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  // billing.checkout_started, billing.plan_changed, billing.payment_failed, … (packages/billing)
  ...BILLING_AUDIT_ACTIONS,
  // The catalog's admin actions (packages/api/src/routers/catalog)
  "catalog.imported",
  "catalog.source_removed",
  "catalog.held_confirmed",
  "catalog.held_discarded",
  "catalog.orphans_removed",
  // Org API tokens (packages/accounts/src/api-tokens.ts)
  "api_token.created",
  "api_token.revoked",
  // Integrations (packages/api/src/routers/integrations); metadata never holds credentials
  "integration.connected",
  "integration.updated",
  "integration.paused",
  "integration.resumed",
  "integration.disconnected",
  "integration.mapping_confirmed",
  "integration.mapping_removed",
  // Operations (packages/api/src/routers/operations): who paged PagerDuty, for which entity
  "incident.triggered",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditTarget = {
  type: "organization" | "member" | "invitation" | "catalog_source" | "api_token" | "integration" | "entity";
  id: string;
  label?: string;
};

export async function recordAudit(
  db: TenantDb,
  actor: ActorRef | null,
  meta: RequestMeta,
  action: AuditAction,
  target: AuditTarget,
  metadata: Record<string, Prisma.InputJsonValue | null> = {},
): Promise<void> {
  await db.auditEvents.record({
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    action,
    targetType: target.type,
    targetId: target.id,
    targetLabel: target.label ?? null,
    metadata,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
}
