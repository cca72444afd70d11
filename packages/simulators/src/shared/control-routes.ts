import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson } from "../http";
import type { FaultOptions, ScriptedFault } from "./faults";

// The control API over HTTP (/_control/...), for a simulator running in its own process (the
// demo's `pnpm start`, a browser test): the same operations as `simulator.control`, JSON in and
// out. Loopback only, like the simulators themselves; a test fixture, not a product surface.
// Each vendor lists its own operations; the ones every simulator has come from here.

export type ControlBody = Record<string, unknown>;
export type PostOperation = (body: ControlBody) => unknown;
export type GetOperation = () => unknown;

/** A required non-empty string field; the message becomes the 400 answer. */
export function requireString(body: ControlBody, key: string): string {
  const value = body[key];
  if (typeof value !== "string" || value === "") throw new Error(`"${key}" is required`);
  return value;
}

export function optionalString(body: ControlBody, key: string): string | undefined {
  return typeof body[key] === "string" ? (body[key] as string) : undefined;
}

export function requireNumber(body: ControlBody, key: string): number {
  const value = Number(body[key]);
  if (!Number.isFinite(value)) throw new Error(`"${key}" must be a number`);
  return value;
}

/** The control operations every vendor simulator offers, with vendor-specific option types. */
export type CommonControl = {
  setFaults(options: FaultOptions): void;
  failNext(rule: ScriptedFault): void;
  clearFaults(): void;
  setRateLimit(options: never): void;
  resetRateLimits(): void;
  advanceClock(seconds: number): void;
  reseed(options: never): void;
  stats(): unknown;
  resetStats(): void;
};

/** POST operations for faults, rate limits, the clock, reseeding and statistics. */
export function commonPostOperations(control: CommonControl): Record<string, PostOperation> {
  return {
    faults: (body) => control.setFaults(body),
    // JSON has no RegExp: `pattern` is one as a string.
    "faults/fail-next": (body) => control.failNext({ ...body, path: typeof body.pattern === "string" ? new RegExp(body.pattern) : (body.path as string | undefined) }),
    "faults/clear": () => control.clearFaults(),
    "rate-limit": (body) => control.setRateLimit(body as never),
    "rate-limit/reset": () => control.resetRateLimits(),
    clock: (body) => control.advanceClock(requireNumber(body, "seconds")),
    reseed: (body) => control.reseed(body as never),
    "stats/reset": () => control.resetStats(),
  };
}

export function commonGetOperations(control: CommonControl): Record<string, GetOperation> {
  return { stats: () => control.stats() };
}

/**
 * Serves `get` and `post` under /_control/<name>. An operation's return value is the JSON answer
 * ({ ok: true } when it returns nothing); a thrown error is a 400 with its message; an unknown
 * name is a 404 that lists the operations there are.
 */
export function createControlRoutes(operations: { get: Record<string, GetOperation>; post: Record<string, PostOperation>; bodyLimitBytes: number }) {
  const { get, post } = operations;
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const name = path.replace(/^\/_control\/?/, "").replace(/\/$/, "");
    try {
      if (req.method === "GET" && get[name]) return sendJson(res, 200, get[name]());
      if (req.method === "POST" && post[name]) {
        const raw = await readBody(req, operations.bodyLimitBytes);
        const result = await post[name](raw ? (JSON.parse(raw) as ControlBody) : {});
        return sendJson(res, 200, result ?? { ok: true });
      }
      sendJson(res, 404, { message: `no control operation ${req.method} /_control/${name}`, operations: { get: Object.keys(get), post: Object.keys(post) } });
    } catch (error) {
      sendJson(res, 400, { message: error instanceof Error ? error.message : String(error) });
    }
  };
}
