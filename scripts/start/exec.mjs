// Small process helpers (Node built-ins only: this runs before `pnpm install`).
import { spawn } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The first executable called `name` on PATH or in `extraDirs`, or null. */
export function which(name, extraDirs = []) {
  const dirs = [
    ...(process.env.PATH ?? "").split(delimiter).filter(Boolean),
    ...extraDirs,
  ];
  for (const dir of dirs) {
    const file = join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Runs a command to completion and captures its output. Never rejects: spawn errors (ENOENT)
 * come back as `error`, a timeout kills the command and sets `timedOut`.
 * @returns {Promise<{ code: number | null, signal: string | null, stdout: string, stderr: string, error?: Error, timedOut?: boolean }>}
 */
export function capture(command, args, { timeoutMs = 30_000, env, cwd } = {}) {
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let child;
    try {
      child = spawn(command, args, {
        env,
        cwd,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      resolve({ code: null, signal: null, stdout, stderr, error });
      return;
    }
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout, stderr, error });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/**
 * Runs a command with the terminal's stdio (output streams straight through).
 * Rejects only if the command can't be started; resolves the exit code (or 128+n for a signal).
 */
export function runInherited(command, args, { env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve(code ?? (signal ? 128 + (signalNumber(signal) ?? 0) : 1)),
    );
  });
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal];
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Last `count` lines of a text, indented, for error messages. */
export function tail(text, count = 15) {
  return text
    .trimEnd()
    .split("\n")
    .slice(-count)
    .map((line) => `    ${line}`)
    .join("\n");
}

/** Quotes a string for /bin/sh (pg_ctl passes -o through a shell). */
export function shellQuote(value) {
  return `'${String(value).replaceAll("'", `'\\''`)}'`;
}
