// A minimal Datadog caller for tests: both key headers (or the ones given), the raw status,
// headers and parsed body back. No retries, no paging: tests see every answer.

export type DdAnswer = { status: number; headers: Headers; body: unknown; text: string };

export type DdKeys = { apiKey?: string | null; appKey?: string | null };

function parseOrNull(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export async function ddRequest(base: string, path: string, query: Record<string, string | number | boolean | undefined> = {}, keys: DdKeys = {}): Promise<DdAnswer> {
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = { accept: "application/json" };
  if (keys.apiKey) headers["dd-api-key"] = keys.apiKey;
  if (keys.appKey) headers["dd-application-key"] = keys.appKey;
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: parseOrNull(text), text };
}
