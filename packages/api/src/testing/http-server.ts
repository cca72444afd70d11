import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export type TestServer = { origin: string; close: () => Promise<void> };

function listen(server: Server): Promise<TestServer> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`${origin}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

/** Serves a `(request) => Promise<Response>` handler over real HTTP on 127.0.0.1 (what Next.js does in production). */
export async function serveHandler(handler: (request: Request) => Promise<Response>): Promise<TestServer> {
  let origin = "";
  const server = createServer((req, res) => {
    void (async () => {
      const response = await handler(toRequest(req, origin));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  const started = await listen(server);
  origin = started.origin;
  return started;
}

/** Serves fixed files (path → body; a function may change its answer between calls); anything else is 404. */
export async function serveFiles(files: Record<string, string | (() => string | { status: number; body?: string; location?: string })>): Promise<TestServer & { hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.push(path);
    const file = files[path];
    const answer = typeof file === "function" ? file() : file;
    if (answer === undefined) {
      res.writeHead(404).end("not found");
    } else if (typeof answer === "string") {
      res.writeHead(200, { "content-type": "application/yaml" }).end(answer);
    } else {
      res.writeHead(answer.status, answer.location ? { location: answer.location } : {}).end(answer.body ?? "");
    }
  });
  return { ...(await listen(server)), hits };
}
