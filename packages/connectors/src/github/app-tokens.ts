import { createHash } from "node:crypto";

// Where GitHub App installation tokens live between requests. @octokit/auth-app mints them; this
// cache (its `cache` option) keeps them for the whole process, because a sync is many short jobs
// and each builds a new Octokit, and replaces a token shortly before it expires.
//
// Tenants are kept apart: caches are keyed by the whole credential (base URL, App id, private
// key), and mints of one installation id never overlap in the process, because auth-app shares
// an in-flight mint between callers by installation id alone: an integration naming another
// tenant's App and installation without its key would otherwise receive that tenant's token.

/** A token this close to its expiry is replaced rather than used. */
const REFRESH_MARGIN_MS = 5 * 60_000;

/** auth-app's cache contract; entries read `token|createdAt|expiresAt|…`, keys start with the installation id. */
export class InstallationTokenCache {
  private readonly entries = new Map<string, string>();

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    const expiresAt = Date.parse(value?.split("|")[2] ?? "");
    if (value && Number.isFinite(expiresAt) && expiresAt - Date.now() > REFRESH_MARGIN_MS) return value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: string): void {
    this.entries.set(key, value);
  }

  /** True when a request for the installation will not need a new token. */
  holds(installationId: number): boolean {
    return this.get(String(installationId)) !== undefined;
  }

  /**
   * Drops the installation's tokens minted before `before`: a token another request minted
   * meanwhile is kept, so parallel requests that all met a 401 do not mint one each.
   */
  forget(installationId: number, before: number): void {
    for (const [key, value] of this.entries) {
      const createdAt = Date.parse(value.split("|")[1] ?? "");
      if ((key === String(installationId) || key.startsWith(`${installationId}|`)) && !(createdAt >= before)) this.entries.delete(key);
    }
  }
}

const caches = new Map<string, InstallationTokenCache>();
const mints = new Map<number, Promise<unknown>>();

export function credentialKey(baseUrl: string, appId: string, privateKey: string): string {
  return createHash("sha256").update(`${baseUrl}\n${appId}\n${privateKey}`).digest("base64url");
}

export function tokenCacheFor(key: string): InstallationTokenCache {
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = new InstallationTokenCache()));
  return cache;
}

/** Runs `work` (a request that will mint a token) after any other mint of the same installation. */
export async function oneMintAtATime<T>(installationId: number, work: () => Promise<T>): Promise<T> {
  const run = (mints.get(installationId) ?? Promise.resolve()).catch(() => undefined).then(work);
  mints.set(installationId, run);
  try {
    return await run;
  } finally {
    if (mints.get(installationId) === run) mints.delete(installationId);
  }
}

export function clearTokenCaches(): void {
  caches.clear();
}
