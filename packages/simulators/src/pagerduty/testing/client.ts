// A minimal PagerDuty REST caller for tests: the headers PagerDuty expects, `name[]` arrays, and
// the raw status, headers and parsed body back (no retries, no paging: tests see every answer).

export type PdAnswer = { status: number; headers: Headers; body: unknown; text: string };

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

export function pdUrl(base: string, path: string, query: Query = {}): string {
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const entry of value as readonly string[]) url.searchParams.append(`${key}[]`, entry);
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

export async function pdRequest(base: string, token: string | null, method: string, path: string, options: { query?: Query; body?: unknown; headers?: Record<string, string> } = {}): Promise<PdAnswer> {
  const response = await fetch(pdUrl(base, path, options.query), {
    method,
    headers: {
      accept: "application/vnd.pagerduty+json;version=2",
      "content-type": "application/json",
      ...(token ? { authorization: `Token token=${token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
}
