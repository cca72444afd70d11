import { randomUUID } from "node:crypto";

import { isUniqueViolation, withGlobal, withTenant, type TenantDb } from "@greenroom/db";

import { recordAudit, type ActorRef, type RequestMeta } from "./audit";
import { accountsEnv } from "./env";
import { DomainError } from "./errors";
import { checkPasswordPolicy, hashPassword, verifyAgainstNothing, verifyPassword } from "./password";
import { RATE_LIMITS, type RateLimiter } from "./rate-limit";

export const TRIAL_DAYS = 14;

export type NewOrganization = { name: string; slug: string };
export type SignUpInput = { email: string; password: string; name: string; organization?: NewOrganization };
export type SignUpResult = { userId: string; email: string; organization: { id: string; slug: string } | null };

// Same words whether the email is new or taken by someone else, so the form does not confirm
// that an address has an account.
const CANNOT_SIGN_UP =
  "We couldn't create an account with this email and password. If you already have an account, sign in instead.";

async function assertSlugFree(slug: string): Promise<void> {
  const taken = await withGlobal((db) => db.organizations.findBySlug(slug));
  if (taken) throw new DomainError("CONFLICT", "This URL is taken, choose another", "organization.slug");
}

/** Creates the org, its first owner membership and the audit trail, inside the new tenant. */
async function createOrganizationIn(db: TenantDb, owner: ActorRef, meta: RequestMeta, organization: NewOrganization) {
  const trialEndsAt = new Date(Date.now() + TRIAL_DAYS * 24 * 3600 * 1000);
  const org = await db.organizations.create({ id: db.tenantId, slug: organization.slug, name: organization.name, trialEndsAt });
  await db.memberships.create(owner.userId, "OWNER");
  await recordAudit(db, owner, meta, "org.created", { type: "organization", id: org.id, label: org.name }, {
    slug: org.slug,
    trialEndsAt: trialEndsAt.toISOString(),
  });
  await recordAudit(db, owner, meta, "member.joined", { type: "member", id: owner.userId, label: owner.email }, {
    role: "OWNER",
  });
  return org;
}

function rethrowSlugConflict(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new DomainError("CONFLICT", "This URL is taken, choose another", "organization.slug");
  }
  throw error;
}

/**
 * Sign-up from the console. A new email gets a user; an existing email is accepted only with that
 * account's password (then it simply adds the org), so nothing can be claimed without it.
 */
export async function signUp(input: SignUpInput, limiter: RateLimiter, meta: RequestMeta): Promise<SignUpResult> {
  await limiter.consume({ ...RATE_LIMITS.signUpPerIp, limit: accountsEnv().SIGNUP_LIMIT_PER_IP }, meta.ip ?? "unknown");
  await limiter.consume(RATE_LIMITS.signUpPerAccount, input.email);
  checkPasswordPolicy(input.password, input.email);
  if (input.organization) await assertSlugFree(input.organization.slug);

  const existing = await withGlobal((db) => db.users.findByEmail(input.email));
  let passwordHash: string | null = null;
  if (existing) {
    const ok = existing.passwordHash
      ? await verifyPassword(existing.passwordHash, input.password)
      : await verifyAgainstNothing(input.password);
    if (!ok) throw new DomainError("BAD_REQUEST", CANNOT_SIGN_UP, "email");
  } else {
    passwordHash = await hashPassword(input.password);
  }

  const tenantId = randomUUID();
  try {
    return await withTenant({ tenantId }, async (db) => {
      const user = existing ?? (await db.users.create({ email: input.email, name: input.name, passwordHash }));
      if (!input.organization) return { userId: user.id, email: user.email, organization: null };
      const org = await createOrganizationIn(db, { userId: user.id, email: user.email }, meta, input.organization);
      return { userId: user.id, email: user.email, organization: { id: org.id, slug: org.slug } };
    });
  } catch (error) {
    if (isUniqueViolation(error) && !input.organization) throw new DomainError("BAD_REQUEST", CANNOT_SIGN_UP, "email");
    rethrowSlugConflict(error);
  }
}

/** A signed-in user creates another org (they may belong to several). */
export async function createOrganization(owner: ActorRef, meta: RequestMeta, organization: NewOrganization) {
  await assertSlugFree(organization.slug);
  try {
    return await withTenant({ tenantId: randomUUID(), userId: owner.userId }, (db) =>
      createOrganizationIn(db, owner, meta, organization),
    );
  } catch (error) {
    rethrowSlugConflict(error);
  }
}
