// Step 1: make sure dependencies are installed before anything needs them.
import { existsSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";

import { runInherited } from "./exec.mjs";
import { log, UserError } from "./log.mjs";

/** Why `pnpm install` is needed, or null when node_modules is current. */
export function installReason(root) {
  const marker = join(root, "node_modules", ".modules.yaml");
  const lockfile = join(root, "pnpm-lock.yaml");
  if (!existsSync(marker)) return "node_modules is missing";
  if (
    existsSync(lockfile) &&
    statSync(lockfile).mtimeMs > statSync(marker).mtimeMs
  )
    return "pnpm-lock.yaml is newer than node_modules";
  return null;
}

export async function ensureInstalled(root) {
  const reason = installReason(root);
  if (!reason) return false;
  log.step(
    `Installing dependencies (${reason}): pnpm install --frozen-lockfile`,
  );
  let code;
  try {
    code = await runInherited("pnpm", ["install", "--frozen-lockfile"], {
      cwd: root,
    });
  } catch (error) {
    if (error?.code === "ENOENT")
      throw new UserError(
        "pnpm is not on PATH. Enable it with `corepack enable` (ships with Node.js) or `npm install -g pnpm`, then run `pnpm start`.",
      );
    throw error;
  }
  if (code !== 0)
    throw new UserError(
      `pnpm install --frozen-lockfile failed (exit ${code}); see its output above.`,
    );
  // pnpm may leave .modules.yaml untouched when nothing changed; mark node_modules as current.
  const marker = join(root, "node_modules", ".modules.yaml");
  if (existsSync(marker) && installReason(root)) {
    const now = new Date();
    utimesSync(marker, now, now);
  }
  return true;
}
