// Redis: a dependency-free RESP client (enough for PING/INFO/CONFIG GET/SHUTDOWN) and the probes
// for a server on the default port and a redis-server we start under .data/redis.
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import { resolve } from "node:path";

import { capture, sleep, tail, which } from "./exec.mjs";

export const DEFAULT_REDIS_PORT = 6379;
export const LOCAL_REDIS_PORT = 63799;
const MIN_VERSION = [6, 2]; // BullMQ's minimum

export class RedisReplyError extends Error {
  constructor(message) {
    super(message);
    this.name = "RedisReplyError";
  }
}

/** Encodes a command as a RESP array of bulk strings. */
export function encodeCommand(args) {
  const parts = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = Buffer.from(String(arg));
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from("\r\n"));
  }
  return Buffer.concat(parts);
}

/**
 * Parses one RESP2 value starting at `offset`. Returns undefined when the buffer doesn't hold a
 * whole value yet; throws when the bytes aren't RESP at all (something else on the port).
 * @returns {{ value: unknown, next: number } | undefined}
 */
export function parseReply(buffer, offset = 0) {
  if (buffer.length <= offset) return undefined;
  const type = String.fromCharCode(buffer[offset]);
  if (!"+-:$*".includes(type)) {
    throw new Error(
      `not a Redis server (it answered ${JSON.stringify(buffer.toString("latin1", offset, offset + 24))})`,
    );
  }
  const lineEnd = buffer.indexOf("\r\n", offset);
  if (lineEnd < 0) return undefined;
  const line = buffer.toString("utf8", offset + 1, lineEnd);
  let next = lineEnd + 2;
  switch (type) {
    case "+":
      return { value: line, next };
    case "-":
      return { value: new RedisReplyError(line), next };
    case ":":
      return { value: Number(line), next };
    case "$": {
      const length = Number(line);
      if (length < 0) return { value: null, next };
      if (buffer.length < next + length + 2) return undefined;
      return {
        value: buffer.toString("utf8", next, next + length),
        next: next + length + 2,
      };
    }
    default: {
      const count = Number(line);
      if (count < 0) return { value: null, next };
      const items = [];
      for (let index = 0; index < count; index++) {
        const item = parseReply(buffer, next);
        if (!item) return undefined;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
  }
}

/**
 * Sends one command over a fresh TCP connection and resolves its reply. Rejects on a Redis error
 * reply, a refused connection, non-RESP bytes, or after `timeoutMs` in total. With
 * `expectClose`, the server closing the connection without replying (SHUTDOWN) resolves null.
 */
export function redisCommand({
  host = "127.0.0.1",
  port,
  args,
  timeoutMs = 1000,
  expectClose = false,
}) {
  return new Promise((resolvePromise, reject) => {
    let buffer = Buffer.alloc(0);
    let settled = false;
    const socket = net.createConnection({ host, port });
    const finish = (error, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolvePromise(value);
    };
    const timer = setTimeout(
      () =>
        finish(
          new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
    socket.on("connect", () => socket.write(encodeCommand(args)));
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      try {
        const reply = parseReply(buffer);
        if (!reply) return;
        if (reply.value instanceof RedisReplyError) finish(reply.value);
        else finish(null, reply.value);
      } catch (error) {
        finish(error);
      }
    });
    socket.on("error", (error) => finish(error));
    socket.on("close", () => {
      if (expectClose) finish(null, null);
      else
        finish(
          new Error(`${host}:${port} closed the connection without answering`),
        );
    });
  });
}

/** Resolves "PONG" if a Redis server answers PING at host:port; rejects otherwise. */
export async function redisPing(host, port, timeoutMs = 1000) {
  const reply = await redisCommand({ host, port, args: ["PING"], timeoutMs });
  if (reply !== "PONG")
    throw new Error(
      `${host}:${port} answered ${JSON.stringify(reply)} to PING`,
    );
  return reply;
}

function describeError(error, where) {
  if (error?.code === "ECONNREFUSED") return `nothing is listening on ${where}`;
  if (
    error instanceof RedisReplyError &&
    /NOAUTH|WRONGPASS/.test(error.message)
  ) {
    return `the Redis on ${where} needs a password; set REDIS_URL=redis://:PASSWORD@${where}`;
  }
  return `${where}: ${error?.message ?? error}`;
}

function versionTooOld(version) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return (
    major < MIN_VERSION[0] ||
    (major === MIN_VERSION[0] && minor < MIN_VERSION[1])
  );
}

/** Probe: a Redis already answering on 127.0.0.1:6379. */
export async function probeDefaultRedis({
  host = "127.0.0.1",
  port = DEFAULT_REDIS_PORT,
} = {}) {
  const where = `${host}:${port}`;
  try {
    await redisPing(host, port);
    const info = String(
      await redisCommand({ host, port, args: ["INFO", "server"] }),
    );
    const version = /redis_version:([\d.]+)/.exec(info)?.[1];
    if (version && versionTooOld(version))
      return {
        ok: false,
        reason: `the Redis on ${where} is ${version}; Greenroom needs 6.2+ (7+ recommended)`,
      };
    return {
      ok: true,
      url: `redis://${host}:${port}`,
      description: `Redis ${version ?? ""} on ${where}`.replace("  ", " "),
    };
  } catch (error) {
    return { ok: false, reason: describeError(error, where) };
  }
}

const EXTRA_BIN_DIRS = [
  "/opt/homebrew/bin",
  "/usr/local/bin",
  "/usr/bin",
  "/usr/sbin",
];

/**
 * Probe: `redis-server` on PATH → start it on 127.0.0.1:63799 with its files in .data/redis.
 * The result's `stop()` shuts it down (SHUTDOWN NOSAVE, then signals).
 */
export async function startLocalRedis({ root, port = LOCAL_REDIS_PORT, log }) {
  const binary = which("redis-server", EXTRA_BIN_DIRS);
  if (!binary)
    return { ok: false, reason: "redis-server is not installed (not on PATH)" };
  const versionOutput = await capture(binary, ["--version"], {
    timeoutMs: 10_000,
  });
  const version = /v=([\d.]+)/.exec(versionOutput.stdout)?.[1];
  if (version && versionTooOld(version))
    return {
      ok: false,
      reason: `${binary} is Redis ${version}; Greenroom needs 6.2+ (7+ recommended)`,
    };

  const dir = resolve(root, ".data", "redis");
  const logFile = resolve(root, ".data", "redis.log");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const url = `redis://127.0.0.1:${port}`;
  const description =
    `redis-server ${version ?? ""} started by pnpm start on 127.0.0.1:${port} (.data/redis)`.replace(
      "  ",
      " ",
    );

  // Left over from a run that was killed hard? Reuse it if it is ours (same --dir), else give up.
  const leftover = await redisCommand({
    port,
    args: ["CONFIG", "GET", "dir"],
  }).catch(() => undefined);
  if (leftover !== undefined) {
    if (Array.isArray(leftover) && leftover[1] === dir) {
      log?.info(
        `Reusing the redis-server a previous run left on 127.0.0.1:${port}`,
      );
      return {
        ok: true,
        url,
        description,
        stop: () => shutdownRedis(port, undefined),
      };
    }
    return {
      ok: false,
      reason: `port ${port} is already used by another server, so a local redis-server can't start there`,
    };
  }

  const logFd = openSync(logFile, "a");
  const child = spawn(
    binary,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--save",
      "",
      "--appendonly",
      "no",
    ],
    {
      stdio: ["ignore", logFd, logFd],
      detached: true, // Ctrl-C in the terminal reaches us only; we shut Redis down in order
    },
  );
  closeSync(logFd);
  let exited = false;
  child.on("exit", () => (exited = true));
  child.on("error", () => (exited = true));

  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && !exited) {
    try {
      await redisPing("127.0.0.1", port, 500);
      return {
        ok: true,
        url,
        description,
        stop: () => shutdownRedis(port, child),
        emergencyStop: () => child.exitCode === null && child.kill("SIGTERM"),
      };
    } catch {
      await sleep(100);
    }
  }
  if (!exited) child.kill("SIGKILL");
  let logText = "";
  try {
    logText = readFileSync(logFile, "utf8");
  } catch {
    // no log
  }
  return {
    ok: false,
    reason: `${binary} did not start (log: .data/redis.log)\n${tail(logText, 10)}`,
  };
}

async function shutdownRedis(port, child) {
  await redisCommand({
    port,
    args: ["SHUTDOWN", "NOSAVE"],
    expectClose: true,
    timeoutMs: 3000,
  }).catch(() => undefined);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  const waitFor = (ms) =>
    Promise.race([exited.then(() => true), sleep(ms).then(() => false)]);
  if (await waitFor(5000)) return;
  child.kill("SIGTERM");
  if (await waitFor(3000)) return;
  child.kill("SIGKILL");
}
