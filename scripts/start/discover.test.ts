import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import {
  discoverPostgres,
  discoverRedis,
  installMessage,
  type Found,
  type Missing,
  type Probe,
} from "./discover.mjs";
import {
  encodeCommand,
  parseReply,
  probeDefaultRedis,
  redisCommand,
  redisPing,
  startLocalRedis,
} from "./redis.mjs";
import { loadSecrets } from "./secrets.mjs";
import { parseSetupLine, setupEnv } from "./setup.mjs";

// ---------------------------------------------------------------------------------------------
// The discovery order, with fake probes that record whether they were asked.

type Name = "defaultPort" | "localBinaries" | "compose";

function fakeProbes(results: Partial<Record<Name, Found | Missing | Error>>) {
  const calls: Name[] = [];
  const probe =
    (name: Name): Probe =>
    async () => {
      calls.push(name);
      const result = results[name] ?? { ok: false, reason: `${name} says no` };
      if (result instanceof Error) throw result;
      return result;
    };
  return {
    calls,
    probes: {
      defaultPort: probe("defaultPort"),
      localBinaries: probe("localBinaries"),
      compose: probe("compose"),
    },
  };
}

const found = (extra: Record<string, unknown>): Found => ({
  ok: true,
  description: "test",
  ...extra,
});

describe("discoverPostgres order", () => {
  it("uses DATABASE_URL + DATABASE_OWNER_URL as-is and probes nothing", async () => {
    const { calls, probes } = fakeProbes({
      defaultPort: found({ adminUrl: "postgresql://should-not-be-used" }),
    });
    const result = await discoverPostgres({
      env: {
        DATABASE_URL: "postgresql://app@db/x",
        DATABASE_OWNER_URL: "postgresql://owner@db/x",
        DATABASE_ADMIN_URL: "postgresql://admin@db/x",
      },
      probes,
    });
    expect(result).toMatchObject({
      ok: true,
      source: "env",
      appUrl: "postgresql://app@db/x",
      ownerUrl: "postgresql://owner@db/x",
    });
    expect(result).not.toHaveProperty("adminUrl");
    expect(calls).toEqual([]);
  });

  it("uses DATABASE_ADMIN_URL for the bootstrap and probes nothing", async () => {
    const { calls, probes } = fakeProbes({
      defaultPort: found({ adminUrl: "postgresql://should-not-be-used" }),
    });
    const result = await discoverPostgres({
      env: { DATABASE_ADMIN_URL: "postgresql://admin@db/postgres" },
      probes,
    });
    expect(result).toMatchObject({
      ok: true,
      source: "env",
      adminUrl: "postgresql://admin@db/postgres",
    });
    expect(calls).toEqual([]);
  });

  it("does not treat DATABASE_URL alone as enough, and says why", async () => {
    const { calls, probes } = fakeProbes({
      defaultPort: found({
        adminUrl: "postgresql://postgres@127.0.0.1:5432/postgres",
      }),
    });
    const result = await discoverPostgres({
      env: { DATABASE_URL: "postgresql://app@db/x" },
      probes,
    });
    expect(result).toMatchObject({
      ok: true,
      source: "default-port",
      adminUrl: "postgresql://postgres@127.0.0.1:5432/postgres",
    });
    expect(calls).toEqual(["defaultPort"]);
    if (!result.ok) throw new Error("unreachable");
    expect(result.tried[0]?.reason).toMatch(/DATABASE_OWNER_URL is not/);
  });

  it("tries the default port next and stops there when it answers", async () => {
    const { calls, probes } = fakeProbes({
      defaultPort: found({
        adminUrl: "postgresql://postgres@127.0.0.1:5432/postgres",
      }),
      localBinaries: found({ adminUrl: "local" }),
      compose: found({ adminUrl: "compose" }),
    });
    const result = await discoverPostgres({ env: {}, probes });
    expect(result).toMatchObject({
      ok: true,
      source: "default-port",
      adminUrl: "postgresql://postgres@127.0.0.1:5432/postgres",
    });
    expect(calls).toEqual(["defaultPort"]);
  });

  it("falls back to local binaries, then docker compose", async () => {
    const local = fakeProbes({
      localBinaries: found({ adminUrl: "local" }),
      compose: found({ adminUrl: "compose" }),
    });
    expect(
      await discoverPostgres({ env: {}, probes: local.probes }),
    ).toMatchObject({ ok: true, source: "local", adminUrl: "local" });
    expect(local.calls).toEqual(["defaultPort", "localBinaries"]);

    const compose = fakeProbes({ compose: found({ adminUrl: "compose" }) });
    const result = await discoverPostgres({ env: {}, probes: compose.probes });
    expect(result).toMatchObject({
      ok: true,
      source: "compose",
      adminUrl: "compose",
    });
    expect(compose.calls).toEqual(["defaultPort", "localBinaries", "compose"]);
    if (!result.ok) throw new Error("unreachable");
    expect(result.tried.map((step) => step.source)).toEqual([
      "env",
      "default-port",
      "local",
    ]);
  });

  it("treats a probe that throws as not found and keeps going", async () => {
    const { calls, probes } = fakeProbes({
      defaultPort: new Error("pg exploded"),
      localBinaries: found({ adminUrl: "local" }),
    });
    const result = await discoverPostgres({ env: {}, probes });
    expect(result).toMatchObject({ ok: true, source: "local" });
    expect(calls).toEqual(["defaultPort", "localBinaries"]);
    if (!result.ok) throw new Error("unreachable");
    expect(
      result.tried.find((step) => step.source === "default-port")?.reason,
    ).toBe("pg exploded");
  });

  it("reports every step when nothing is found, and the message names what to install", async () => {
    const pg = fakeProbes({});
    const redis = fakeProbes({});
    const postgres = await discoverPostgres({ env: {}, probes: pg.probes });
    const redisResult = await discoverRedis({ env: {}, probes: redis.probes });
    expect(pg.calls).toEqual(["defaultPort", "localBinaries", "compose"]);
    expect(postgres.ok).toBe(false);
    expect(redisResult.ok).toBe(false);
    if (postgres.ok || redisResult.ok) throw new Error("unreachable");
    expect(postgres.tried.map((step) => step.source)).toEqual([
      "env",
      "default-port",
      "local",
      "compose",
    ]);

    const message = installMessage({ postgres, redis: redisResult });
    expect(message).toContain("Greenroom needs PostgreSQL 15+ and Redis 7+.");
    expect(message).toContain("sudo apt-get install postgresql redis-server");
    expect(message).toContain("brew install postgresql@16 redis");
    expect(message).toContain("install Docker");
    expect(message).toContain("DATABASE_URL/DATABASE_OWNER_URL and REDIS_URL");
    expect(message).toContain("localBinaries says no"); // what each step said
  });

  it("names only what is missing", async () => {
    const redis = await discoverRedis({
      env: {},
      probes: fakeProbes({}).probes,
    });
    if (redis.ok) throw new Error("unreachable");
    const message = installMessage({ redis });
    expect(message).toContain("Greenroom needs Redis 7+.");
    expect(message).toContain("sudo apt-get install redis-server;");
    expect(message).toContain("brew install redis;");
    expect(message).not.toMatch(
      /install postgresql|postgresql@16|PostgreSQL 15/,
    );
  });
});

describe("discoverRedis order", () => {
  it("uses REDIS_URL and probes nothing", async () => {
    const { calls, probes } = fakeProbes({
      defaultPort: found({ url: "redis://127.0.0.1:6379" }),
    });
    const result = await discoverRedis({
      env: { REDIS_URL: "redis://cache:6380/1" },
      probes,
    });
    expect(result).toMatchObject({
      ok: true,
      source: "env",
      url: "redis://cache:6380/1",
    });
    expect(calls).toEqual([]);
  });

  it("goes default port → local redis-server → compose", async () => {
    const first = fakeProbes({
      defaultPort: found({ url: "default" }),
      localBinaries: found({ url: "local" }),
    });
    expect(
      await discoverRedis({ env: {}, probes: first.probes }),
    ).toMatchObject({ source: "default-port", url: "default" });
    expect(first.calls).toEqual(["defaultPort"]);

    const second = fakeProbes({
      localBinaries: found({ url: "local" }),
      compose: found({ url: "compose" }),
    });
    expect(
      await discoverRedis({ env: {}, probes: second.probes }),
    ).toMatchObject({ source: "local", url: "local" });
    expect(second.calls).toEqual(["defaultPort", "localBinaries"]);

    const third = fakeProbes({ compose: found({ url: "compose" }) });
    expect(
      await discoverRedis({ env: {}, probes: third.probes }),
    ).toMatchObject({ source: "compose", url: "compose" });
    expect(third.calls).toEqual(["defaultPort", "localBinaries", "compose"]);
  });
});

// ---------------------------------------------------------------------------------------------
// The RESP probe against real sockets.

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP server that answers every connection with `reply` (or says nothing). */
async function fakeServer(reply?: string) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    if (reply !== undefined) socket.once("data", () => socket.write(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { port, close };
}

async function timed<T>(promise: Promise<T>) {
  const started = performance.now();
  const outcome = await promise.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({
      value: undefined,
      error: error as Error & { code?: string },
    }),
  );
  return { ...outcome, ms: performance.now() - started };
}

describe("Redis RESP probe", () => {
  it("gets PONG from the real Redis on 127.0.0.1:6379", async () => {
    await expect(redisPing("127.0.0.1", 6379)).resolves.toBe("PONG");
    const probe = await probeDefaultRedis();
    expect(probe).toMatchObject({ ok: true, url: "redis://127.0.0.1:6379" });
    expect(String(probe.ok && probe.description)).toMatch(/^Redis \d+\.\d+/);
  });

  it("fails fast against a closed port", async () => {
    const port = await closedPort();
    const { error, ms } = await timed(redisPing("127.0.0.1", port, 5000));
    expect(error?.code).toBe("ECONNREFUSED");
    expect(ms).toBeLessThan(1000);
    expect(await probeDefaultRedis({ port })).toEqual({
      ok: false,
      reason: `nothing is listening on 127.0.0.1:${port}`,
    });
  });

  it("gives up on a server that never answers, after its timeout", async () => {
    const silent = await fakeServer();
    try {
      const { error, ms } = await timed(
        redisPing("127.0.0.1", silent.port, 300),
      );
      expect(error?.message).toMatch(/no answer .* within 300 ms/);
      expect(ms).toBeGreaterThanOrEqual(250);
      expect(ms).toBeLessThan(2000);
    } finally {
      await silent.close();
    }
  });

  it("rejects a server that isn't Redis, and a Redis that wants a password", async () => {
    const http = await fakeServer("HTTP/1.1 400 Bad Request\r\n\r\n");
    const locked = await fakeServer("-NOAUTH Authentication required.\r\n");
    try {
      await expect(redisPing("127.0.0.1", http.port)).rejects.toThrow(
        /not a Redis server/,
      );
      await expect(redisPing("127.0.0.1", locked.port)).rejects.toThrow(
        /NOAUTH/,
      );
      expect(await probeDefaultRedis({ port: locked.port })).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/needs a password; set REDIS_URL/),
      });
    } finally {
      await http.close();
      await locked.close();
    }
  });

  it("encodes commands and parses partial and nested replies", () => {
    expect(encodeCommand(["SET", "k", "héllo"]).toString()).toBe(
      "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$6\r\nhéllo\r\n",
    );
    const reply = Buffer.from("*2\r\n$3\r\ndir\r\n$4\r\n/tmp\r\n");
    expect(parseReply(reply)).toEqual({
      value: ["dir", "/tmp"],
      next: reply.length,
    });
    expect(parseReply(reply.subarray(0, reply.length - 3))).toBeUndefined();
    expect(parseReply(Buffer.from(":42\r\n"))?.value).toBe(42);
    expect(parseReply(Buffer.from("$-1\r\n"))?.value).toBeNull();
  });

  it.skipIf(
    !process.env.PATH?.split(":").some((dir) => {
      try {
        return statSync(join(dir, "redis-server")).isFile();
      } catch {
        return false;
      }
    }),
  )("starts a redis-server under .data/redis and shuts it down", async () => {
    const root = mkdtempSync(join(tmpdir(), "greenroom-start-"));
    const port = await closedPort();
    try {
      const started = await startLocalRedis({ root, port });
      expect(started).toMatchObject({
        ok: true,
        url: `redis://127.0.0.1:${port}`,
      });
      if (!started.ok) throw new Error("unreachable");
      await expect(redisPing("127.0.0.1", port)).resolves.toBe("PONG");
      expect(
        await redisCommand({ port, args: ["CONFIG", "GET", "dir"] }),
      ).toEqual(["dir", join(root, ".data", "redis")]);
      expect(
        await redisCommand({ port, args: ["CONFIG", "GET", "save"] }),
      ).toEqual(["save", ""]);
      await started.stop?.();
      const { error } = await timed(redisPing("127.0.0.1", port, 1000));
      expect(error?.code).toBe("ECONNREFUSED");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Secrets and the setup hand-off.

describe("secrets", () => {
  const roots: string[] = [];
  afterAll(() =>
    roots.forEach((root) => rmSync(root, { recursive: true, force: true })),
  );

  it("creates .data (700) and secrets.json (600) once, and keeps AUTH_SECRET and the integrations key across runs", () => {
    const root = mkdtempSync(join(tmpdir(), "greenroom-start-"));
    roots.push(root);
    const first = loadSecrets(root, {});
    expect(first.created).toBe(true);
    expect(first.authSecret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    expect(Buffer.from(first.authSecret, "base64url")).toHaveLength(32);
    expect(statSync(join(root, ".data")).mode & 0o777).toBe(0o700);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first.integrationsKey, "base64")).toHaveLength(32); // AES-256 key
    expect(JSON.parse(readFileSync(first.file, "utf8"))).toEqual({
      AUTH_SECRET: first.authSecret,
      INTEGRATIONS_ENCRYPTION_KEY: first.integrationsKey,
    });
    expect(first).toMatchObject({
      ownerPassword: "greenroom",
      appPassword: "greenroom",
    });

    const second = loadSecrets(root, {
      DATABASE_OWNER_PASSWORD: "o",
      DATABASE_APP_PASSWORD: "a",
    });
    expect(second).toMatchObject({
      created: false,
      authSecret: first.authSecret,
      integrationsKey: first.integrationsKey,
      ownerPassword: "o",
      appPassword: "a",
    });
  });
});

describe("setup hand-off", () => {
  it("parses the GREENROOM_SETUP line and defaults the org", () => {
    const line = `GREENROOM_SETUP ${JSON.stringify({ appUrl: "a", ownerUrl: "o", demo: { email: "e", password: "p" }, apiToken: "t" })}`;
    expect(parseSetupLine(line)).toEqual({
      appUrl: "a",
      ownerUrl: "o",
      demo: { email: "e", password: "p", org: "acme" },
      apiToken: "t",
    });
    expect(() => parseSetupLine("GREENROOM_SETUP {nope")).toThrow(/unreadable/);
    expect(() =>
      parseSetupLine(
        `GREENROOM_SETUP ${JSON.stringify({ appUrl: "a", demo: { email: "e", password: "p" } })}`,
      ),
    ).toThrow(/ownerUrl/);
  });

  it("bootstraps with the admin URL, or migrates only with the given URLs", () => {
    const secrets = { ownerPassword: "o", appPassword: "a" };
    const bootstrap = setupEnv({
      env: { DATABASE_URL: "stale" },
      postgres: { adminUrl: "postgresql://admin" },
      redisUrl: "redis://r",
      secrets,
    });
    expect(bootstrap).toMatchObject({
      DATABASE_ADMIN_URL: "postgresql://admin",
      DATABASE_OWNER_PASSWORD: "o",
      DATABASE_APP_PASSWORD: "a",
      GREENROOM_DATABASE: "greenroom",
      REDIS_URL: "redis://r",
    });
    expect(bootstrap).not.toHaveProperty("DATABASE_URL");

    const given = setupEnv({
      env: { DATABASE_ADMIN_URL: "x" },
      postgres: { appUrl: "app", ownerUrl: "owner" },
      redisUrl: "redis://r",
      secrets,
    });
    expect(given).toMatchObject({
      DATABASE_OWNER_URL: "owner",
      DATABASE_URL: "app",
    });
    expect(given).not.toHaveProperty("DATABASE_ADMIN_URL");
  });
});
