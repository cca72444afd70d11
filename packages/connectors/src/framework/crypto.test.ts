import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { isCurrent, keyId, openSecrets, sealSecrets, SecretsUnreadable, type Keyring } from "./crypto";

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe("integration secrets (AES-256-GCM)", () => {
  it("round-trips, with a fresh IV each time and no plaintext in the envelope", () => {
    const ring: Keyring = { current: keyA, previous: [] };
    const one = sealSecrets({ token: "ghp_supersecret" }, "integration-1", ring);
    const two = sealSecrets({ token: "ghp_supersecret" }, "integration-1", ring);
    expect(one.ciphertext).not.toBe(two.ciphertext);
    expect(one.ciphertext).not.toContain("supersecret");
    expect(Buffer.from(one.ciphertext.split(".").at(-1)!, "base64url").toString()).not.toContain("supersecret");
    expect(one.keyId).toBe(keyId(keyA));
    expect(openSecrets(one.ciphertext, "integration-1", ring)).toEqual({ token: "ghp_supersecret" });
  });

  it("binds the envelope to its integration and detects tampering", () => {
    const ring: Keyring = { current: keyA, previous: [] };
    const sealed = sealSecrets({ token: "t" }, "integration-1", ring);
    expect(() => openSecrets(sealed.ciphertext, "integration-2", ring)).toThrow(SecretsUnreadable);
    const parts = sealed.ciphertext.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body.writeUInt8(body.readUInt8(0) ^ 1, 0);
    parts[4] = body.toString("base64url");
    expect(() => openSecrets(parts.join("."), "integration-1", ring)).toThrow(/integrity/);
  });

  it("opens envelopes under a previous key, and refuses ones under a key it no longer has", () => {
    const old = sealSecrets({ token: "t" }, "i", { current: keyA, previous: [] });
    const rotated: Keyring = { current: keyB, previous: [keyA] };
    expect(openSecrets(old.ciphertext, "i", rotated)).toEqual({ token: "t" });
    expect(isCurrent(old.keyId, rotated)).toBe(false);
    expect(() => openSecrets(old.ciphertext, "i", { current: keyB, previous: [] })).toThrow(/no longer has/);
  });
});
