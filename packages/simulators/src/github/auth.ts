import { createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from "node:crypto";
import type { GithubInstallation } from "./model";

// Who is calling: a configured token (PAT style), an installation token minted by
// POST /app/installations/{id}/access_tokens, a GitHub App JWT (RS256, verified against the app's
// public key), or nobody. Each principal has its own rate-limit key, as on GitHub.

export type Principal =
  | { kind: "anonymous"; key: string }
  | { kind: "token"; key: string }
  | { kind: "installation"; key: string; installationId: number; repositoryIds: Set<number> | null }
  | { kind: "app"; key: string };

export type AuthOutcome = { ok: true; principal: Principal } | { ok: false; message: string; documentation: string };

export type GithubAppOptions = { id?: number; slug?: string; clientId?: string; privateKey?: string };
export type GithubAppIdentity = { id: number; slug: string; clientId: string };

type InstallationToken = { installationId: number; expiresAt: number; repositoryIds: Set<number> | null };

const AUTH_DOCS = "https://docs.github.com/rest";
const JWT_DOCS = "https://docs.github.com/apps/building-github-apps/authenticating-with-github-apps#authenticating-as-a-github-app";

// One RSA key pair per process: generating one per simulator would cost ~100 ms each.
let sharedKeys: { privateKey: string; publicKey: KeyObject } | null = null;
function generatedKeys() {
  if (!sharedKeys) {
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    sharedKeys = { privateKey: pair.privateKey, publicKey: createPublicKey(pair.publicKey) };
  }
  return sharedKeys;
}

export class GithubAuth {
  readonly tokens: Set<string>;
  readonly app: GithubAppIdentity;
  private readonly installationTokens = new Map<string, InstallationToken>();
  private readonly configuredKey: string | undefined;

  constructor(
    tokens: string[],
    app: GithubAppOptions | undefined,
    private readonly nowMs: () => number,
  ) {
    this.tokens = new Set(tokens);
    this.app = { id: app?.id ?? 424242, slug: app?.slug ?? "greenroom-simulator", clientId: app?.clientId ?? "Iv1.5151515151515151" };
    this.configuredKey = app?.privateKey;
  }

  /** The PEM the connector signs its app JWTs with (generated unless configured). */
  get privateKey(): string {
    return this.configuredKey ?? generatedKeys().privateKey;
  }

  private get publicKey(): KeyObject {
    return this.configuredKey ? createPublicKey(this.configuredKey) : generatedKeys().publicKey;
  }

  authenticate(header: string | undefined): AuthOutcome {
    if (!header) return { ok: true, principal: { kind: "anonymous", key: "anonymous:127.0.0.1" } };
    const match = /^(token|bearer)\s+(\S+)$/i.exec(header.trim());
    if (!match) return { ok: false, message: "Bad credentials", documentation: AUTH_DOCS };
    const scheme = match[1]!.toLowerCase();
    const credential = match[2]!;
    if (this.tokens.has(credential)) return { ok: true, principal: { kind: "token", key: `token:${credential}` } };
    const installation = this.installationTokens.get(credential);
    if (installation) {
      if (installation.expiresAt <= this.nowMs()) return { ok: false, message: "Bad credentials", documentation: AUTH_DOCS };
      return { ok: true, principal: { kind: "installation", key: `installation:${installation.installationId}`, installationId: installation.installationId, repositoryIds: installation.repositoryIds } };
    }
    if (credential.split(".").length === 3 && credential.startsWith("eyJ")) {
      // JWTs are only accepted as Bearer, as GitHub documents.
      if (scheme !== "bearer") return { ok: false, message: "A JSON web token could not be decoded", documentation: JWT_DOCS };
      const problem = this.verifyJwt(credential);
      return problem ? { ok: false, message: problem, documentation: JWT_DOCS } : { ok: true, principal: { kind: "app", key: `app:${this.app.id}` } };
    }
    return { ok: false, message: "Bad credentials", documentation: AUTH_DOCS };
  }

  /** Returns why the JWT is refused, or null when it is a valid app JWT. */
  private verifyJwt(jwt: string): string | null {
    const [headerPart, payloadPart, signaturePart] = jwt.split(".") as [string, string, string];
    let header: { alg?: string };
    let payload: { iss?: string | number; iat?: number; exp?: number };
    try {
      header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8")) as typeof header;
      payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8")) as typeof payload;
    } catch {
      return "A JSON web token could not be decoded";
    }
    if (header.alg !== "RS256") return "A JSON web token could not be decoded";
    const signed = verify("RSA-SHA256", Buffer.from(`${headerPart}.${payloadPart}`), this.publicKey, Buffer.from(signaturePart, "base64url"));
    if (!signed) return "A JSON web token could not be decoded";
    if (String(payload.iss) !== String(this.app.id) && payload.iss !== this.app.clientId) return "Integration not found";
    // JWT times are wall-clock (the client's), so they are checked against real time, not the
    // simulator's adjustable clock.
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.exp !== "number" || payload.exp <= now) {
      return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
    }
    if (payload.exp > now + 660) return "'Expiration time' claim ('exp') is too far in the future";
    if (typeof payload.iat === "number" && payload.iat > now + 60) return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
    return null;
  }

  /** Mints an installation token (1 hour), optionally narrowed to some repositories. */
  issueInstallationToken(installation: GithubInstallation, repositoryIds: Set<number> | null): { token: string; expiresAt: number } {
    const token = `ghs_${randomBytes(27).toString("base64url").replace(/[-_]/g, "x").slice(0, 36)}`;
    const expiresAt = this.nowMs() + 3600_000;
    this.installationTokens.set(token, { installationId: installation.id, expiresAt, repositoryIds });
    return { token, expiresAt };
  }

  revokeInstallationTokens(installationId: number): void {
    for (const [token, entry] of this.installationTokens) if (entry.installationId === installationId) this.installationTokens.delete(token);
  }

  /** The rate-limit key a raw token would use (for control.setRemaining). */
  keyFor(token: string): string {
    const installation = this.installationTokens.get(token);
    if (installation) return `installation:${installation.installationId}`;
    return token === "anonymous" ? "anonymous:127.0.0.1" : `token:${token}`;
  }
}
