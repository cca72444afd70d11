// Step 2: local secrets in .data/secrets.json (gitignored) so sessions survive restarts.
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

export const DEFAULT_DB_PASSWORD = "greenroom";

/** Creates `<root>/.data` (mode 700) and returns its path. */
export function ensureDataDir(root) {
  const dir = join(root, ".data");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch {
    // not ours to change (e.g. a mounted volume); the secrets file itself is still 600
  }
  return dir;
}

/**
 * Reads (or creates) .data/secrets.json. AUTH_SECRET is 32 random bytes, base64url; the env
 * wins if AUTH_SECRET is set. DB role passwords are the fixed local default unless the env sets
 * DATABASE_OWNER_PASSWORD / DATABASE_APP_PASSWORD. `extra` generates more values once (the demo
 * simulators' webhook secrets and keys); they come back in `values`.
 * @param {Record<string, () => string>} [extra]
 * @returns {{ authSecret: string, integrationsKey: string, ownerPassword: string, appPassword: string, values: Record<string, string>, file: string, created: boolean }}
 */
export function loadSecrets(root, env = process.env, extra = {}) {
  const file = join(ensureDataDir(root), "secrets.json");
  /** @type {Record<string, unknown>} */
  let stored = {};
  if (existsSync(file)) {
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8"));
      if (parsed && typeof parsed === "object") stored = parsed;
    } catch {
      stored = {}; // unreadable: regenerate (signed-in sessions end, nothing else is lost)
    }
  }
  let created = false;
  // Generated once and kept: sessions (AUTH_SECRET) and sealed integration credentials
  // (INTEGRATIONS_ENCRYPTION_KEY, AES-256-GCM) must survive restarts.
  const generated = {
    AUTH_SECRET: () => randomBytes(32).toString("base64url"),
    INTEGRATIONS_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
    ...extra,
  };
  const missing = Object.keys(generated).filter(
    (key) => typeof stored[key] !== "string" || String(stored[key]).length < 32,
  );
  if (missing.length) {
    for (const key of missing) stored = { ...stored, [key]: generated[key]() };
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(stored, null, 2)}\n`, {
      mode: 0o600,
    });
    renameSync(temporary, file);
    created = true;
  }
  try {
    chmodSync(file, 0o600);
  } catch {
    // best effort
  }
  return {
    authSecret: env.AUTH_SECRET || /** @type {string} */ (stored.AUTH_SECRET),
    integrationsKey:
      env.INTEGRATIONS_ENCRYPTION_KEY ||
      /** @type {string} */ (stored.INTEGRATIONS_ENCRYPTION_KEY),
    ownerPassword: env.DATABASE_OWNER_PASSWORD || DEFAULT_DB_PASSWORD,
    appPassword: env.DATABASE_APP_PASSWORD || DEFAULT_DB_PASSWORD,
    values: Object.fromEntries(
      Object.keys(extra).map((key) => [
        key,
        /** @type {string} */ (stored[key]),
      ]),
    ),
    file,
    created,
  };
}
