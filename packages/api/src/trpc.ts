import { DomainError, hasRole, type Actor } from "@greenroom/accounts";
import { BillingError } from "@greenroom/billing";
import { BULK_WRITE, withGlobal, withTenant, type OrganizationRecord, type Role, type TenantDb } from "@greenroom/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";

import type { Context } from "./context";

export type FieldErrors = Record<string, string[]>;

/** Zod issues keyed by dotted path ("organization.slug"), so forms can mark nested fields. */
function fieldErrorsOf(error: ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Per-procedure settings: `bulkWrite` gives the tenant transaction a whole catalog's time. */
export type ProcedureMeta = { bulkWrite?: boolean };

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let fieldErrors: FieldErrors | null = null;
    if (cause instanceof ZodError) fieldErrors = fieldErrorsOf(cause);
    else if ((cause instanceof DomainError || cause instanceof BillingError) && cause.field) fieldErrors = { [cause.field]: [cause.message] };
    const retryAfterSeconds = cause instanceof DomainError ? (cause.retryAfterSeconds ?? null) : null;
    // A validation failure's message is the first field error in words, not Zod's JSON dump.
    const message = cause instanceof ZodError ? (cause.issues[0]?.message ?? shape.message) : shape.message;
    return { ...shape, message, data: { ...shape.data, fieldErrors, retryAfterSeconds } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Turns a DomainError thrown anywhere below into the matching tRPC error code, and gives input
 * validation errors the first problem in words as their message (server callers see it too).
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
    // Plan limits answer PAYMENT_REQUIRED (402) with the plan that lifts them in the message.
    if (cause instanceof BillingError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
    if (cause instanceof ZodError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: cause.issues[0]?.message ?? "Invalid input", cause });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(domainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return next({ ctx: { session: ctx.session } });
});

export type OrgContext = {
  db: TenantDb;
  org: OrganizationRecord;
  actor: Actor;
};

const ORG_NOT_FOUND = "Organization not found";

/**
 * Resolves the org from the URL slug, checks membership once, and runs the rest of the request
 * in one tenant-scoped transaction (rolled back if the handler fails). A non-member gets
 * NOT_FOUND, exactly as for an org that does not exist.
 */
export const orgProcedure = authedProcedure
  .input(z.object({ orgSlug: z.string().max(100) }))
  .use(async ({ ctx, input, meta, next }) => {
    const org = await withGlobal((db) => db.organizations.findBySlug(input.orgSlug.toLowerCase()));
    if (!org) throw new TRPCError({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
    const { session } = ctx;
    return withTenant({ tenantId: org.id, userId: session.userId }, async (db) => {
      const membership = await db.memberships.find(session.userId);
      if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: ORG_NOT_FOUND });
      const actor: Actor = { userId: session.userId, email: session.email, role: membership.role };
      const result = await next({ ctx: { db, org, actor } satisfies OrgContext });
      if (!result.ok) throw result.error; // roll the transaction back
      return result;
    }, meta?.bulkWrite ? BULK_WRITE : {});
  });

const ROLE_NAMES: Record<Role, string> = { OWNER: "an owner", ADMIN: "an admin", MEMBER: "a member", VIEWER: "a viewer" };

/** Procedure factory: an org procedure that also requires at least `role`. */
export function roleProcedure(role: Role) {
  return orgProcedure.use(({ ctx, next }) => {
    if (!hasRole(ctx.actor.role, role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `You need to be ${ROLE_NAMES[role]} of this organization to do this` });
    }
    return next();
  });
}

export const memberProcedure = roleProcedure("MEMBER");
export const adminProcedure = roleProcedure("ADMIN");
export const ownerProcedure = roleProcedure("OWNER");
