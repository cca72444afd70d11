// Postgres probes: a server on the default port, and a cluster in .data/postgres run from local
// binaries. They use the workspace's `pg`, which exists because step 1 installed dependencies.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import { join, resolve } from "node:path";

import { capture, shellQuote, tail, which } from "./exec.mjs";

export const DEFAULT_PG_PORT = 5432;
export const LOCAL_PG_PORT = 54329;
const MIN_MAJOR = 15;

/** The `pg` module resolved from the workspace (root devDependency, else packages/db). */
export function loadPg(root) {
  for (const base of ["package.json", "packages/db/package.json"]) {
    try {
      const pg = createRequire(join(root, base))("pg");
      return pg.default ?? pg;
    } catch {
      // try the next place
    }
  }
  throw new Error("the `pg` package is not installed; run `pnpm install`");
}

/**
 * Connects as a would-be bootstrap superuser and reports what it can do.
 * @returns {Promise<{ versionNum: number, version: string, canBootstrap: boolean }>}
 */
export async function inspectServer(pg, url, timeoutMs = 3000) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
  });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version,
              rolsuper OR (rolcreaterole AND rolcreatedb) AS can_bootstrap
         FROM pg_roles WHERE rolname = current_user`,
    );
    const row = rows[0] ?? {};
    return {
      versionNum: Number(row.num),
      version: String(row.version),
      canBootstrap: Boolean(row.can_bootstrap),
    };
  } finally {
    await client.end().catch(() => {});
  }
}

function pgErrorReason(error, where) {
  if (error?.code === "ECONNREFUSED") return `nothing is listening on ${where}`;
  if (error?.code === "28P01" || error?.code === "28000")
    return `${where} wants a password (${error.message})`;
  if (error?.code === "3D000") return `${where}: ${error.message}`;
  return `${where}: ${error?.message ?? error}`;
}

/**
 * Probe: a Postgres on 127.0.0.1:5432 that lets `postgres` (then $USER) in without a password
 * and can create roles and databases.
 */
export async function probeDefaultPostgres({
  root,
  env = process.env,
  host = "127.0.0.1",
  port = DEFAULT_PG_PORT,
}) {
  const pg = loadPg(root);
  const where = `${host}:${port}`;
  const users = ["postgres"];
  const me = env.USER || safeUsername();
  if (me && !users.includes(me)) users.push(me);
  const reasons = [];
  for (const user of users) {
    const url = `postgresql://${encodeURIComponent(user)}@${host}:${port}/postgres`;
    try {
      const server = await inspectServer(pg, url);
      if (server.versionNum < MIN_MAJOR * 10000) {
        return {
          ok: false,
          reason: `the server on ${where} is PostgreSQL ${server.version}; Greenroom needs ${MIN_MAJOR}+`,
        };
      }
      if (!server.canBootstrap) {
        reasons.push(`role "${user}" can't create roles and databases`);
        continue;
      }
      return {
        ok: true,
        adminUrl: url,
        description: `PostgreSQL ${server.version} on ${where} (as ${user})`,
      };
    } catch (error) {
      if (error?.code === "ECONNREFUSED")
        return { ok: false, reason: pgErrorReason(error, where) };
      reasons.push(`as ${user}: ${pgErrorReason(error, where)}`);
    }
  }
  return {
    ok: false,
    reason: `${reasons.join("; ")} (set DATABASE_ADMIN_URL to use it)`,
  };
}

function safeUsername() {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

function versionDirs(parent, pattern) {
  try {
    return readdirSync(parent)
      .map((name) => ({ name, version: Number(pattern.exec(name)?.[1]) }))
      .filter(({ version }) => Number.isFinite(version) && version > 0)
      .sort((a, b) => b.version - a.version)
      .map(({ name }) => join(parent, name));
  } catch {
    return [];
  }
}

/** Directories that may hold initdb/pg_ctl/postgres: PATH first, then the usual install places, newest first. */
export function candidateBinDirs() {
  const dirs = [];
  const onPath = which("pg_ctl");
  if (onPath) dirs.push(resolve(onPath, ".."));
  dirs.push(
    ...versionDirs("/usr/lib/postgresql", /^(\d+)$/).map((dir) =>
      join(dir, "bin"),
    ),
  ); // Debian/Ubuntu
  dirs.push(
    ...versionDirs("/usr", /^pgsql-(\d+)$/).map((dir) => join(dir, "bin")),
  ); // RHEL/Fedora (PGDG)
  for (const prefix of ["/opt/homebrew/opt", "/usr/local/opt"]) {
    dirs.push(
      ...versionDirs(prefix, /^postgresql@(\d+)$/).map((dir) =>
        join(dir, "bin"),
      ),
    ); // Homebrew
    dirs.push(join(prefix, "postgresql", "bin"));
  }
  dirs.push(
    ...versionDirs(
      "/Applications/Postgres.app/Contents/Versions",
      /^(\d+)$/,
    ).map((dir) => join(dir, "bin")),
  );
  return [...new Set(dirs)];
}

/** The first directory with all of initdb, pg_ctl and postgres. */
export function findPgBinDir(dirs = candidateBinDirs()) {
  for (const dir of dirs) {
    if (
      ["initdb", "pg_ctl", "postgres"].every((name) =>
        existsSync(join(dir, name)),
      )
    )
      return dir;
  }
  return null;
}

/** Where the unix socket goes: inside .data, unless that path is too long for a socket name. */
function socketDir(root) {
  const preferred = resolve(root, ".data", "run");
  if (preferred.length + "/.s.PGSQL.54329".length < 100) return preferred;
  return mkdtempSync(join(tmpdir(), "greenroom-pg-"));
}

/**
 * Probe: local PostgreSQL binaries → a trust-auth cluster in .data/postgres on 127.0.0.1:54329,
 * created on first use and started by us. `stop()` runs `pg_ctl stop -m fast`.
 */
export async function startLocalPostgres({ root, port = LOCAL_PG_PORT, log }) {
  const binDir = findPgBinDir();
  if (!binDir)
    return {
      ok: false,
      reason:
        "initdb/pg_ctl/postgres are not installed (not on PATH or in /usr/lib/postgresql/*/bin)",
    };
  const bin = (name) => join(binDir, name);
  if (process.getuid?.() === 0) {
    return {
      ok: false,
      reason: `found PostgreSQL in ${binDir}, but PostgreSQL refuses to run as root; run pnpm start as a normal user or set DATABASE_ADMIN_URL`,
    };
  }
  const versionOutput = await capture(bin("postgres"), ["--version"], {
    timeoutMs: 10_000,
  });
  const major = Number(/(\d+)(?:\.\d+)?/.exec(versionOutput.stdout)?.[1]);
  if (!major)
    return {
      ok: false,
      reason: `${bin("postgres")} --version failed: ${(versionOutput.stderr || versionOutput.error?.message || "").trim()}`,
    };
  if (major < MIN_MAJOR)
    return {
      ok: false,
      reason: `${binDir} is PostgreSQL ${major}; Greenroom needs ${MIN_MAJOR}+`,
    };

  const dataDir = resolve(root, ".data", "postgres");
  const logFile = resolve(root, ".data", "postgres.log");
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const description = `PostgreSQL ${major} started by pnpm start on 127.0.0.1:${port} (.data/postgres)`;
  const stop = async () => {
    await capture(
      bin("pg_ctl"),
      ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30"],
      { timeoutMs: 40_000 },
    );
  };

  const versionFile = join(dataDir, "PG_VERSION");
  if (existsSync(versionFile)) {
    const clusterMajor = Number(readFileSync(versionFile, "utf8").trim());
    if (clusterMajor !== major) {
      return {
        ok: false,
        reason: `.data/postgres was created by PostgreSQL ${clusterMajor} but ${binDir} is ${major}; delete .data/postgres to recreate it (local data is lost)`,
      };
    }
  } else if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    return {
      ok: false,
      reason:
        ".data/postgres exists but is not a PostgreSQL cluster; delete it to let pnpm start create one",
    };
  } else {
    log?.info(
      `Creating a PostgreSQL ${major} cluster in .data/postgres (first run)`,
    );
    const init = await capture(
      bin("initdb"),
      [
        "-D",
        dataDir,
        "--auth=trust",
        "-U",
        "postgres",
        "--encoding=UTF8",
        "--locale=C",
      ],
      { timeoutMs: 120_000 },
    );
    if (init.code !== 0)
      return {
        ok: false,
        reason: `initdb failed:\n${tail(`${init.stdout}\n${init.stderr}`)}`,
      };
  }

  // A cluster left running by a run that was killed hard: adopt it (and stop it when we exit).
  const status = await capture(bin("pg_ctl"), ["status", "-D", dataDir], {
    timeoutMs: 10_000,
  });
  if (status.code === 0) {
    log?.info(
      "Reusing the PostgreSQL a previous run left running in .data/postgres",
    );
  } else {
    const sockets = socketDir(root);
    mkdirSync(sockets, { recursive: true, mode: 0o700 });
    // pg_ctl hands -o to /bin/sh, hence the quoting.
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${shellQuote(sockets)}`;
    const start = await capture(
      bin("pg_ctl"),
      ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options],
      { timeoutMs: 90_000 },
    );
    if (start.code !== 0) {
      let logText = "";
      try {
        logText = readFileSync(logFile, "utf8");
      } catch {
        // no log yet
      }
      return {
        ok: false,
        reason: `pg_ctl start failed (log: .data/postgres.log)\n${tail(`${start.stdout}\n${start.stderr}\n${logText}`, 12)}`,
      };
    }
  }

  try {
    const pg = loadPg(root);
    await inspectServer(pg, adminUrl, 10_000);
  } catch (error) {
    await stop();
    return {
      ok: false,
      reason: `the cluster in .data/postgres started but refused a connection on port ${port}: ${error?.message ?? error}`,
    };
  }
  const emergencyStop = () =>
    spawnSync(bin("pg_ctl"), ["stop", "-D", dataDir, "-m", "immediate", "-W"], {
      stdio: "ignore",
      timeout: 5000,
    });
  return { ok: true, adminUrl, description, stop, emergencyStop };
}
