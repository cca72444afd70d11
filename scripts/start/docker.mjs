// Last resort before giving up: `docker compose up -d postgres redis` with the repo's
// docker-compose.yml (Postgres on host port 54320, password "postgres"; Redis on 63790).
// Containers are left running on exit (`docker compose stop` stops them) so data survives.
import { existsSync } from "node:fs";
import { join } from "node:path";

import { capture, runInherited, sleep, which } from "./exec.mjs";
import { inspectServer, loadPg } from "./postgres.mjs";
import { redisPing } from "./redis.mjs";

export const COMPOSE_PG_URL =
  "postgresql://postgres:postgres@127.0.0.1:54320/postgres";
export const COMPOSE_REDIS = { host: "127.0.0.1", port: 63790 };

/** @type {Promise<{ ok: boolean, reason?: string }> | undefined} */
let upOnce;

/** Starts both compose services once per run, however many probes ask. */
export function composeUp({ root, log }) {
  upOnce ??= (async () => {
    const file = join(root, "docker-compose.yml");
    if (!which("docker"))
      return { ok: false, reason: "Docker is not installed" };
    const info = await capture("docker", ["info"], { timeoutMs: 20_000 });
    if (info.code !== 0)
      return {
        ok: false,
        reason: "`docker info` failed (is the Docker engine running?)",
      };
    if (!existsSync(file))
      return {
        ok: false,
        reason: "docker-compose.yml is missing from the repository",
      };
    let command = ["docker", "compose"];
    if (
      (await capture("docker", ["compose", "version"], { timeoutMs: 20_000 }))
        .code !== 0
    ) {
      if (!which("docker-compose"))
        return {
          ok: false,
          reason:
            "Docker Compose is not installed (neither `docker compose` nor `docker-compose`)",
        };
      command = ["docker-compose"];
    }
    log?.info(
      `Starting Postgres and Redis: ${command.join(" ")} up -d postgres redis`,
    );
    const code = await runInherited(
      command[0],
      [...command.slice(1), "up", "-d", "postgres", "redis"],
      { cwd: root },
    );
    return code === 0
      ? { ok: true }
      : {
          ok: false,
          reason: `\`${command.join(" ")} up -d postgres redis\` failed (exit ${code})`,
        };
  })();
  return upOnce;
}

async function waitUntil(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      return { ok: true, value: await check() };
    } catch (error) {
      lastError = error;
      await sleep(1000);
    }
  }
  return { ok: false, error: lastError };
}

/** Probe: the compose `postgres` service, once it accepts connections. */
export async function probeComposePostgres({ root, log }) {
  const up = await composeUp({ root, log });
  if (!up.ok)
    return { ok: false, reason: up.reason ?? "docker compose failed" };
  const pg = loadPg(root);
  const ready = await waitUntil(
    () => inspectServer(pg, COMPOSE_PG_URL),
    90_000,
  );
  if (!ready.ok)
    return {
      ok: false,
      reason: `the compose postgres service did not accept connections on 127.0.0.1:54320 within 90 s: ${ready.error?.message ?? ""}`,
    };
  return {
    ok: true,
    adminUrl: COMPOSE_PG_URL,
    description: `PostgreSQL ${ready.value.version} from docker compose on 127.0.0.1:54320`,
  };
}

/** Probe: the compose `redis` service, once it answers PING. */
export async function probeComposeRedis({ root, log }) {
  const up = await composeUp({ root, log });
  if (!up.ok)
    return { ok: false, reason: up.reason ?? "docker compose failed" };
  const ready = await waitUntil(
    () => redisPing(COMPOSE_REDIS.host, COMPOSE_REDIS.port),
    60_000,
  );
  if (!ready.ok)
    return {
      ok: false,
      reason: `the compose redis service did not answer PING on 127.0.0.1:63790 within 60 s`,
    };
  return {
    ok: true,
    url: `redis://${COMPOSE_REDIS.host}:${COMPOSE_REDIS.port}`,
    description: "Redis from docker compose on 127.0.0.1:63790",
  };
}
