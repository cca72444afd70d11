import { inputError, payloadTooLargeError } from "./errors";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", ...headers } });
}

export function empty(status: number): Response {
  return new Response(null, { status });
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function tooLarge(limit: number, what: string): Error {
  return payloadTooLargeError(`The request body is over the ${formatBytes(limit)} limit for ${what}. Split it into several requests (e.g. one source per repository or team).`);
}

/**
 * Reads a request body as text, counting bytes as they arrive and giving up at `limit`: a body
 * that announces a larger Content-Length is refused before reading, and one that does not is cut
 * off at the limit, so a 100 MB upload costs at most `limit` bytes of memory.
 */
export async function readBodyText(request: Request, limit: number, what = "this endpoint"): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(limit, what);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit, what);
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}

const JSON_BODY_LIMIT = 5 * 1024 * 1024;

/** A JSON object body, checked the way Backstage's catalog checks it (same messages). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const contentType = request.headers.get("content-type");
  if (!contentType) throw inputError("Content-Type missing");
  if (!/^application\/json($|;)/i.test(contentType)) throw inputError("Illegal Content-Type");
  const text = await readBodyText(request, JSON_BODY_LIMIT, "JSON requests");
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch (error) {
    throw inputError(`Malformed request body: ${(error as Error).message}`);
  }
  if (body === undefined || body === null) throw inputError("Missing request body");
  if (typeof body !== "object" || Array.isArray(body)) throw inputError("Expected body to be a JSON object");
  if (Object.keys(body).length === 0) throw inputError("Empty request body");
  return body as Record<string, unknown>;
}
