// Step 5: roles, database, migrations and the demo org, by scripts/setup-database.ts. Its last
// stdout line is `GREENROOM_SETUP {json}` with the URLs and demo login; everything else streams.
import { existsSync } from "node:fs";
import { join } from "node:path";

import { c, UserError } from "./log.mjs";

export const SETUP_PREFIX = "GREENROOM_SETUP ";
export const DEFAULT_DATABASE = "greenroom";

/**
 * @typedef {{ appUrl: string, ownerUrl: string, demo: { email: string, password: string, org: string }, apiToken?: string }} SetupResult
 */

/** Parses and checks the JSON after GREENROOM_SETUP. */
export function parseSetupLine(line) {
  const json = line.slice(line.indexOf(SETUP_PREFIX) + SETUP_PREFIX.length);
  let value;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new UserError(
      `scripts/setup-database.ts printed an unreadable GREENROOM_SETUP line (${error.message}): ${json.slice(0, 200)}`,
    );
  }
  const missing = ["appUrl", "ownerUrl"].filter(
    (key) => typeof value?.[key] !== "string" || !value[key],
  );
  if (
    typeof value?.demo?.email !== "string" ||
    typeof value?.demo?.password !== "string"
  )
    missing.push("demo.email/demo.password");
  if (missing.length > 0)
    throw new UserError(
      `scripts/setup-database.ts printed GREENROOM_SETUP without ${missing.join(", ")}`,
    );
  return /** @type {SetupResult} */ ({
    ...value,
    demo: { org: "acme", ...value.demo },
  });
}

/** The environment for setup-database.ts: bootstrap with the admin URL, or migrate+seed only. */
export function setupEnv({ env, postgres, redisUrl, secrets }) {
  const next = {
    ...env,
    REDIS_URL: redisUrl,
    DATABASE_OWNER_PASSWORD: secrets.ownerPassword,
    DATABASE_APP_PASSWORD: secrets.appPassword,
    GREENROOM_DATABASE: env.GREENROOM_DATABASE || DEFAULT_DATABASE,
  };
  if (postgres.adminUrl) {
    next.DATABASE_ADMIN_URL = postgres.adminUrl;
    delete next.DATABASE_URL; // derived from the admin URL by the setup
    delete next.DATABASE_OWNER_URL;
  } else {
    next.DATABASE_URL = postgres.appUrl;
    next.DATABASE_OWNER_URL = postgres.ownerUrl;
    delete next.DATABASE_ADMIN_URL;
  }
  return next;
}

/**
 * Runs `pnpm exec tsx scripts/setup-database.ts` (own process group, output prefixed [setup]).
 * @returns {Promise<SetupResult>}
 */
export async function runDatabaseSetup({
  root,
  env,
  postgres,
  redisUrl,
  secrets,
  supervisor,
}) {
  if (!existsSync(join(root, "scripts", "setup-database.ts"))) {
    throw new UserError(
      "scripts/setup-database.ts is missing, so the database can't be set up.",
    );
  }
  let resultLine;
  const { exited } = supervisor.start(
    "setup",
    c.blue("[setup]"),
    "pnpm",
    ["exec", "tsx", "scripts/setup-database.ts"],
    {
      env: setupEnv({ env, postgres, redisUrl, secrets }),
      cwd: root,
      oneShot: true,
      onLine: (line) => {
        if (!line.startsWith(SETUP_PREFIX)) return false;
        resultLine = line;
        return true;
      },
    },
  );
  const { code, signal } = await exited;
  if (code !== 0)
    throw new UserError(
      `Database setup failed (${signal ?? `exit code ${code}`}); see the [setup] output above.`,
    );
  if (!resultLine)
    throw new UserError(
      "scripts/setup-database.ts finished without printing its GREENROOM_SETUP line.",
    );
  const result = parseSetupLine(resultLine);
  // URLs given in the environment are used exactly as given.
  if (!postgres.adminUrl)
    return { ...result, appUrl: postgres.appUrl, ownerUrl: postgres.ownerUrl };
  return result;
}
