import { z } from "zod";

// What the standalone runners (`pnpm --filter @greenroom/simulators <vendor>`) share: settings
// given as flags as well as env vars, comma-separated lists, the start-up report, and a clean
// close on Ctrl-C or a process manager's SIGTERM.

/**
 * Turns `--repos 10000 --latency-ms=50 --verbose` into env names under `prefix`
 * (`<PREFIX>REPOS`, `<PREFIX>LATENCY_MS`, `<PREFIX>VERBOSE=true`). A flag whose name already
 * starts with `passThrough` keeps its name (`--github-webhook-secret` → GITHUB_WEBHOOK_SECRET).
 */
export function flagsToEnv(argv: readonly string[], names: { prefix: string; passThrough?: string }): Record<string, string> {
  const out: Record<string, string> = {};
  for (let index = 0; index < argv.length; index++) {
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(argv[index]!);
    if (!match) continue;
    const value = match[2] ?? (argv[index + 1] && !argv[index + 1]!.startsWith("--") ? argv[++index]! : "true");
    const name = match[1]!.toUpperCase().replace(/-/g, "_");
    out[names.passThrough && name.startsWith(names.passThrough) ? name : `${names.prefix}${name}`] = value;
  }
  return out;
}

/** An optional comma-separated setting as a list of trimmed, non-empty entries. */
export const commaSeparatedList = () =>
  z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").map((entry) => entry.trim()).filter(Boolean) : undefined));

export type Closable = { close(): Promise<void> };

export function closeOnSignals(simulator: Closable): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void simulator.close().then(() => process.exit(0)));
}

/**
 * Starts a simulator, prints its summary with the start-up time (seeding 10,000 repos is not
 * instant, and the demo shows how long it took) and the lines a user needs to connect, and
 * closes it on SIGINT/SIGTERM.
 */
export async function runStandalone(start: () => Promise<{ simulator: Closable; summary: string; details: string[] }>): Promise<void> {
  const started = performance.now();
  const { simulator, summary, details } = await start();
  console.log(`${summary}; ready in ${Math.round(performance.now() - started)} ms`);
  for (const line of details) console.log(line);
  closeOnSignals(simulator);
}
