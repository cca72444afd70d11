import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

import { connectorsEnv } from "../env";

/**
 * Integration secrets at rest: AES-256-GCM, a fresh 96-bit IV per seal, the integration's id as
 * additional authenticated data (an envelope copied onto another integration does not open),
 * and the key's id in the envelope so older keys keep working until rotation re-seals.
 *
 * Envelope: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export type Keyring = { current: Buffer; previous: Buffer[] };

export class SecretsUnreadable extends Error {}

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

export function keyringFromEnv(): Keyring {
  const env = connectorsEnv();
  return {
    current: Buffer.from(env.INTEGRATIONS_ENCRYPTION_KEY, "base64"),
    previous: env.INTEGRATIONS_PREVIOUS_KEYS.map((key) => Buffer.from(key, "base64")),
  };
}

export type Sealed = { ciphertext: string; keyId: string };

export function sealSecrets(secrets: Record<string, string>, aad: string, keyring: Keyring = keyringFromEnv()): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  const id = keyId(keyring.current);
  const parts = ["v1", id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")];
  return { ciphertext: parts.join("."), keyId: id };
}

export function openSecrets(envelope: string, aad: string, keyring: Keyring = keyringFromEnv()): Record<string, string> {
  const [version, id, iv, tag, body] = envelope.split(".");
  if (version !== "v1" || !id || !iv || !tag || body === undefined) throw new SecretsUnreadable("The stored credentials are not in a known format");
  const key = [keyring.current, ...keyring.previous].find((candidate) => keyId(candidate) === id);
  if (!key) throw new SecretsUnreadable("The stored credentials were sealed with a key this server no longer has; reconnect the integration");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const text = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    return JSON.parse(text) as Record<string, string>;
  } catch {
    throw new SecretsUnreadable("The stored credentials failed their integrity check; reconnect the integration");
  }
}

/** True when the envelope is already sealed under the current key. */
export function isCurrent(sealedKeyId: string, keyring: Keyring = keyringFromEnv()): boolean {
  return sealedKeyId === keyId(keyring.current);
}
