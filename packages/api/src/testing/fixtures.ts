import { randomBytes } from "node:crypto";

import { createContext, type SessionUser } from "../context";
import { appRouter } from "../root";
import { createCallerFactory } from "../trpc";
import type { Role } from "@greenroom/db";

const createCaller = createCallerFactory(appRouter);

export const TEST_PASSWORD = "correct-horse-battery-staple";

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

/** A distinct fake client IP per caller, so sign-up rate limits of one test never hit another. */
export function randomIp(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

export function callerFor(session: SessionUser | null, ip = randomIp()) {
  return createCaller(createContext({ session, meta: { ip, userAgent: "vitest" } }));
}

export type OrgFixture = { slug: string; orgId: string; name: string; owner: SessionUser };

export async function createOrgWithOwner(label = "org"): Promise<OrgFixture> {
  const suffix = uniqueSuffix();
  const email = `owner-${label}-${suffix}@example.test`;
  const name = `${label} ${suffix}`;
  const result = await callerFor(null).account.signUp({
    name: `Owner ${label}`,
    email,
    password: TEST_PASSWORD,
    organization: { name, slug: `${label}-${suffix}`.toLowerCase() },
  });
  if (!result.organization) throw new Error("sign-up did not create the organization");
  return {
    slug: result.organization.slug,
    orgId: result.organization.id,
    name,
    owner: { userId: result.userId, email, name: `Owner ${label}` },
  };
}

/** Adds a member the way a person would: invitation → sign-up → accept. */
export async function addMember(org: OrgFixture, role: Role, label = "member"): Promise<SessionUser> {
  const email = `${label}-${uniqueSuffix()}@example.test`;
  const { inviteUrl } = await callerFor(org.owner).invitations.create({ orgSlug: org.slug, email, role });
  if (!inviteUrl) throw new Error("expected a copyable invitation link (SMTP is not configured in tests)");
  const token = decodeURIComponent(new URL(inviteUrl).pathname.split("/").pop()!);
  const { userId } = await callerFor(null).account.signUp({ name: label, email, password: TEST_PASSWORD });
  const session = { userId, email, name: label };
  await callerFor(session).invitations.accept({ token });
  return session;
}

export async function inviteToken(org: OrgFixture, email: string, role: Role = "MEMBER"): Promise<string> {
  const { inviteUrl } = await callerFor(org.owner).invitations.create({ orgSlug: org.slug, email, role });
  return decodeURIComponent(new URL(inviteUrl!).pathname.split("/").pop()!);
}
