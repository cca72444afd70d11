// API keys as PagerDuty takes them: `Authorization: Token token=<key>` (REST API keys, account
// or user level) or `Bearer <token>` (OAuth). Read-only keys may only GET.

/** The full-access key every simulator accepts unless `tokens` says otherwise (20 characters, like PagerDuty's). */
export const DEFAULT_PAGERDUTY_TOKEN = "y_NbGreenroomSim0001";
/** A read-only key accepted by default: writes answer 403. */
export const DEFAULT_PAGERDUTY_READ_ONLY_TOKEN = "r_NbGreenroomSim0002";

export type Credential = { ok: true; key: string; readOnly: boolean } | { ok: false; reason: "missing" | "invalid" };

export class PagerdutyAuth {
  readonly tokens: Set<string>;
  readonly readOnlyTokens: Set<string>;

  constructor(tokens: string[], readOnlyTokens: string[]) {
    this.tokens = new Set(tokens);
    this.readOnlyTokens = new Set(readOnlyTokens);
  }

  authenticate(header: string | undefined): Credential {
    if (!header) return { ok: false, reason: "missing" };
    const match = /^Token\s+token=("?)([^"\s]+)\1\s*$/i.exec(header.trim()) ?? /^Bearer\s+(?<bearer>\S+)\s*$/i.exec(header.trim());
    const key = match?.groups?.bearer ?? match?.[2];
    if (!key) return { ok: false, reason: "invalid" };
    if (this.tokens.has(key)) return { ok: true, key, readOnly: false };
    if (this.readOnlyTokens.has(key)) return { ok: true, key, readOnly: true };
    return { ok: false, reason: "invalid" };
  }

  add(token: string, options: { readOnly?: boolean } = {}): void {
    (options.readOnly ? this.readOnlyTokens : this.tokens).add(token);
  }

  remove(token: string): void {
    this.tokens.delete(token);
    this.readOnlyTokens.delete(token);
  }
}
