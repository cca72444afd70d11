import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

import { startStripeSimulator, type StripeSimulator } from "@greenroom/simulators/stripe";

// Billing for the end-to-end run: the Stripe simulator (in this process, on loopback) that the
// web server's stripe SDK is pointed at and that delivers signed webhooks to the web server,
// and a real worker process (apps/worker) so seat changes are synced to the subscription the
// way they are in production (billing.sync-seats), not by a shortcut.

export type E2eBilling = { env: Record<string, string>; simulator: StripeSimulator; stop: () => Promise<void> };

const root = path.join(import.meta.dirname, "..");

export async function startE2eBilling(options: { port: number; env: NodeJS.ProcessEnv }): Promise<E2eBilling> {
  const secretKey = `sk_test_e2e_${randomBytes(8).toString("hex")}`;
  const webhookSecret = `whsec_e2e_${randomBytes(16).toString("hex")}`;
  const simulator = await startStripeSimulator({
    secretKey,
    webhook: { url: `http://127.0.0.1:${options.port}/api/webhooks/stripe`, secret: webhookSecret },
  });
  const env = {
    STRIPE_SECRET_KEY: secretKey,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_TEAM_PRICE_ID: "price_team_monthly",
    STRIPE_API_HOST: simulator.host,
    STRIPE_API_PORT: String(simulator.port),
    STRIPE_API_PROTOCOL: "http",
    // For the Playwright specs: the simulator's test controls (advance the clock, …).
    STRIPE_SIMULATOR_URL: simulator.url,
  };
  const worker = spawn("pnpm", ["--filter", "@greenroom/worker", "exec", "tsx", "src/main.ts"], {
    cwd: root,
    env: { ...options.env, ...env, WORKER_HEALTH_PORT: "0", WORKER_CONCURRENCY: "2" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true, // its own process group, so stop() ends pnpm and the tsx child together
  });
  return {
    env,
    simulator,
    stop: async () => {
      await stopGroup(worker);
      await simulator.close();
    },
  };
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * spawnSync would block this process's event loop, and with it the in-process simulator the
 * browser and the web server talk to; this waits for the child without blocking.
 */
export function runAsync(command: string, args: string[], options: SpawnOptions): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: "inherit" });
    child.once("exit", (code) => resolve(code ?? 1));
    child.once("error", () => resolve(1));
  });
}
