import { hash, verify } from "@node-rs/argon2";

import { DomainError } from "./errors";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~20–40 ms here, affordable per sign-in.
// algorithm 2 = Argon2id (the package exports it as an ambient const enum).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

const COMMON_PASSWORDS = new Set([
  "password", "password1", "password12", "password123", "password1234", "passw0rd", "123456789",
  "1234567890", "12345678910", "qwertyuiop", "qwerty1234", "iloveyou12", "letmein123", "welcome123",
  "admin12345", "changeme123", "football12", "baseball12", "greenroom1", "greenroom123",
]);

/**
 * The password policy beyond length (enforced by the schema): not a well-known password, not the
 * email, not one repeated character. Length matters more than composition rules (NIST 800-63B).
 */
export function checkPasswordPolicy(password: string, email?: string): void {
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered)) {
    throw new DomainError("BAD_REQUEST", "This password is too common; choose something less guessable", "password");
  }
  if (new Set(password).size < 4) {
    throw new DomainError("BAD_REQUEST", "Use more than three different characters", "password");
  }
  if (email && lowered.includes(email.split("@")[0]!.toLowerCase()) && email.split("@")[0]!.length >= 4) {
    throw new DomainError("BAD_REQUEST", "Don't use your email address in your password", "password");
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification when there is no account (or no password) to
 * check, so response time does not reveal whether an email is registered.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("greenroom-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
