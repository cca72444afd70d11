import type { IncomingHttpHeaders } from "node:http";

// Datadog authenticates with two headers: DD-API-KEY (the org's API key, 32 hex characters) and
// DD-APPLICATION-KEY (a user's application key, 40 hex characters). /api/v1/validate needs only
// the first. Every failure is a 403 with APIErrorResponse, as the recorded responses show.

export const DEFAULT_DATADOG_API_KEY = "5ca1ab1e0ddba11d00d5eed5ca1ab1e0";
export const DEFAULT_DATADOG_APP_KEY = "a99a11ca7e0ddba11d00d5eed5ca1ab1e0a99a11";

export type AuthOutcome = { ok: true } | { ok: false; status: 403; errors: string[] };

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class DatadogKeys {
  readonly apiKeys: Set<string>;
  readonly appKeys: Set<string>;

  constructor(apiKeys: string[] = [DEFAULT_DATADOG_API_KEY], appKeys: string[] = [DEFAULT_DATADOG_APP_KEY]) {
    this.apiKeys = new Set(apiKeys);
    this.appKeys = new Set(appKeys);
  }

  check(headers: IncomingHttpHeaders, mode: "api" | "api+app"): AuthOutcome {
    const apiKey = header(headers, "dd-api-key");
    if (mode === "api") return apiKey && this.apiKeys.has(apiKey) ? { ok: true } : { ok: false, status: 403, errors: ["API key required"] };
    const appKey = header(headers, "dd-application-key");
    if (!apiKey || !this.apiKeys.has(apiKey) || !appKey || !this.appKeys.has(appKey)) return { ok: false, status: 403, errors: ["Forbidden"] };
    return { ok: true };
  }
}
