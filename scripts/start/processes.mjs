// Child processes (setup, web, worker): each in its own process group so Ctrl-C in the terminal
// reaches only us and we stop them in order; output is prefixed line by line.
import { spawn } from "node:child_process";
import net from "node:net";
import { createInterface } from "node:readline";

import { sleep } from "./exec.mjs";
import { endLine, log, writeLine, writePartial } from "./log.mjs";

/** Sends a signal to the process group led by `pid` (our detached children lead their own). */
export function signalGroup(pid, signal) {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

/** True while any process of the group led by `pid` is alive. */
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return error?.code === "EPERM";
  }
}

/**
 * Tracks the children we spawn. Long-running ones (web, worker) that exit while we are not
 * stopping are reported to `onUnexpectedExit`; one-shot ones (setup, next build) are not.
 * @param {{ onUnexpectedExit: (name: string, code: number | null, signal: string | null) => void }} options
 */
export function createSupervisor({ onUnexpectedExit }) {
  /** Every group we started; a leader may exit before the rest of its group. */
  /** @type {Set<number>} */
  const groups = new Set();
  let stopping = false;

  /**
   * @param {string} name
   * @param {string} label  prefix shown before each output line, e.g. "[web]"
   * @param {{ env: NodeJS.ProcessEnv, cwd: string, oneShot?: boolean, onLine?: (line: string) => boolean }} options
   *   onLine may return true to swallow a stdout line (used for the setup result line).
   */
  function start(
    name,
    label,
    command,
    args,
    { env, cwd, oneShot = false, onLine },
  ) {
    const child = spawn(command, args, {
      env,
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const pipe = (stream, target) =>
      createInterface({ input: stream, crlfDelay: Infinity }).on(
        "line",
        (line) => {
          if (target === process.stdout && onLine?.(line)) return;
          writeLine(`${label} ${line}`, target);
        },
      );
    pipe(child.stdout, process.stdout);
    pipe(child.stderr, process.stderr);
    const exited = new Promise((resolve) => {
      child.once("error", (error) => {
        log.error(`${name}: could not run ${command}: ${error.message}`);
        resolve({ code: 127, signal: null });
      });
      child.once("exit", (code, signal) => resolve({ code, signal }));
    });
    if (child.pid) groups.add(child.pid);
    exited.then(({ code, signal }) => {
      if (!oneShot && !stopping) onUnexpectedExit(name, code, signal);
    });
    return { pid: child.pid, exited };
  }

  /** SIGTERM every group, wait up to `timeoutMs` for them to empty, then SIGKILL what is left. */
  async function stopAll(timeoutMs = 10_000) {
    stopping = true;
    const alive = [...groups].filter(groupAlive);
    for (const pid of alive) signalGroup(pid, "SIGTERM");
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && alive.some(groupAlive)) await sleep(100);
    const stubborn = alive.filter(groupAlive);
    for (const pid of stubborn) signalGroup(pid, "SIGKILL");
    if (stubborn.length > 0)
      log.warn(
        `Killed ${stubborn.length} process group(s) that ignored SIGTERM for ${timeoutMs / 1000} s`,
      );
  }

  /** Synchronous last resort (second Ctrl-C, process exit). */
  function killAllNow() {
    stopping = true;
    for (const pid of groups) signalGroup(pid, "SIGKILL");
  }

  return {
    start,
    stopAll,
    killAllNow,
    get stopping() {
      return stopping;
    },
  };
}

/** True if something already accepts connections on 127.0.0.1:port. */
export function portInUse(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host, port });
    const done = (inUse) => {
      socket.destroy();
      resolve(inUse);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Polls `url` until it answers 200, printing a dot every couple of seconds.
 * Resolves true when healthy, false on timeout or when `shouldStop()` turns true.
 */
export async function waitForHealth({
  url,
  timeoutMs = 180_000,
  shouldStop = () => false,
}) {
  const started = Date.now();
  let lastDot = started;
  log.info(`Waiting for ${url} (the first compile can take a minute)`);
  while (Date.now() - started < timeoutMs) {
    if (shouldStop()) break;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(10_000),
        redirect: "manual",
      });
      await response.body?.cancel();
      if (response.status === 200) {
        endLine();
        return true;
      }
    } catch {
      // not listening yet, or still compiling
    }
    if (Date.now() - lastDot >= 2000) {
      writePartial(".");
      lastDot = Date.now();
    }
    await sleep(1000);
  }
  endLine();
  return false;
}
