import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// The small HTTP toolkit every vendor simulator (Stripe now; GitHub, PagerDuty, Datadog later)
// is built on: a loopback server, a method + path router, and body/response helpers. Plain
// node:http keeps the simulators free of framework behaviour the real APIs do not have.

export type RequestContext = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Capture groups of the matched route pattern, in order. */
  params: string[];
  /** The raw request body (form-encoded, JSON or empty), read once before routing. */
  body: string;
};

export type Route = {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handle: (context: RequestContext) => Promise<void> | void;
};

export type RunningServer = { url: string; host: string; port: number; server: Server; close: () => Promise<void> };

export async function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location });
  res.end();
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

/**
 * Routes a request to the first route whose method and pattern match the path. Unmatched
 * requests and thrown errors go to `fallback` / `onError` so each vendor answers in its own
 * error format.
 */
export function createRouter(
  routes: Route[],
  options: { notFound: (context: RequestContext) => void; onError: (context: RequestContext, error: unknown) => void },
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://simulator.local");
    const context: RequestContext = { req, res, url, params: [], body: "" };
    try {
      context.body = await readBody(req);
      for (const route of routes) {
        if (route.method !== req.method) continue;
        const match = route.pattern.exec(url.pathname);
        if (!match) continue;
        context.params = match.slice(1).map((part) => decodeURIComponent(part));
        await route.handle(context);
        return;
      }
      options.notFound(context);
    } catch (error) {
      if (!res.headersSent) options.onError(context, error);
      else res.end();
    }
  };
}

/** Listens on loopback only: the simulators must never be reachable from another machine. */
export async function startLoopbackServer(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port = 0,
): Promise<RunningServer> {
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    host: "127.0.0.1",
    port: address.port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
