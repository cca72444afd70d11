import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "../http";
import type { FaultAction, Faults } from "./faults";

// What every vendor's request pipeline does the same way: match the path against the vendor's
// path templates, wait out the injected latency, read the body, drop the connection or cut the
// body short when a fault says so, count the request, and turn a crash into the vendor's 500.
// Authentication, budgets and error bodies differ per vendor, so each vendor answers through
// an `Exchange` it opens for the request.

export type Outgoing = { status: number; headers: Record<string, string>; text: string };

/** The reason phrases an injected 5xx carries where the vendor uses the standard ones. */
export const SERVER_ERROR_TEXT: Record<number, string> = { 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" };

export type TemplateRoute = { method: string; template: string };
export type RouteMatch<R> = { route: R; params: Record<string, string> };

/**
 * A vendor path template ("/repos/{owner}/{repo}") as a regex and its parameter names. Each
 * parameter is one path segment, except those named in `multiSegment`, which span slashes.
 */
export function compileTemplate(template: string, multiSegment: readonly string[] = []): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    names.push(name);
    return multiSegment.includes(name) ? "(.+)" : "([^/]+)";
  });
  return { regex: new RegExp(`^${source}/?$`), names };
}

/** The first route whose method and template match, with its decoded path parameters. */
export function createRouteMatcher<R extends TemplateRoute>(routes: readonly R[], options: { multiSegment?: readonly string[] } = {}) {
  const compiled = routes.map((route) => ({ route, ...compileTemplate(route.template, options.multiSegment) }));
  return (method: string, path: string): RouteMatch<R> | null => {
    for (const { route, regex, names } of compiled) {
      if (route.method !== method) continue;
      const found = regex.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1]!)));
      return { route, params };
    }
    return null;
  };
}

/** The stats key of a request: the route's template, so "/services/P1" and "/services/P2" count together. */
export function endpointKey(method: string, found: RouteMatch<TemplateRoute> | null): string {
  return found ? `${method} ${found.route.template}` : `${method} (unknown)`;
}

/** One request as the vendor sees it, opened before any fault or latency applies. */
export type Exchange = {
  /** The stats key; a vendor may refine it once it has routed the request. */
  endpoint: string;
  /** The vendor's answer: auth, budgets, the endpoint, its headers. Throwing means `crashed`. */
  answer(body: string, fault: FaultAction | null): Outgoing | Promise<Outgoing>;
  /** The vendor's own 500 for an unexpected error. */
  crashed(error: unknown): Outgoing;
  /** Runs once the request is over, answered, dropped or crashed (GitHub frees a concurrency slot). */
  close?(): void;
};

export type ApiHandlerOptions = {
  faults: Faults;
  stats: { request(endpoint: string, status: number): void; count(kind: "faultsInjected"): void };
  /** Resolves request paths; only the path and query are read from it. */
  baseUrl?: () => string;
  /** What a corrupted ("malformed") 2xx body ends with: each vendor's edge fails in its own way. */
  malformedTail: string;
  open(req: IncomingMessage, url: URL): Exchange;
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function respond(res: ServerResponse, out: Outgoing, fault: FaultAction | null, malformedTail: string): void {
  let text = out.text;
  if (fault?.kind === "malformed" && out.status < 300 && text.length > 0) {
    text = `${text.slice(0, Math.max(1, Math.floor(text.length * 0.6)))}${malformedTail}`;
  }
  res.writeHead(out.status, { ...out.headers, "content-length": String(Buffer.byteLength(text)) });
  if (fault?.kind === "truncate" && text.length > 1) {
    // Promise the whole body, send half, then drop the connection: a cut-off page.
    res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(out.status === 304 ? undefined : text);
}

export function createApiHandler(options: ApiHandlerOptions) {
  const { faults, stats } = options;
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", options.baseUrl?.() ?? "http://127.0.0.1");
    const exchange = options.open(req, url);
    let fault: FaultAction | null = null;
    let out: Outgoing;
    try {
      fault = faults.pick(method, url.pathname);
      const delay = faults.latency() + (fault?.delayMs ?? 0);
      if (delay > 0) await sleep(delay);
      const body = await readBody(req);
      if (fault) stats.count("faultsInjected");
      if (fault?.kind === "reset") {
        stats.request(exchange.endpoint, 0);
        req.socket.destroy();
        return;
      }
      out = await exchange.answer(body, fault);
    } catch (thrown) {
      out = exchange.crashed(thrown);
    } finally {
      exchange.close?.();
    }
    stats.request(exchange.endpoint, out.status);
    if (!res.headersSent && !res.destroyed) respond(res, out, fault, options.malformedTail);
  };
}
