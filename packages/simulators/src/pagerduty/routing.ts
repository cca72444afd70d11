import type { IncomingHttpHeaders } from "node:http";

import type { Credential } from "./auth";
import type { ShapeContext } from "./shapes";
import type { PagerdutyState } from "./state";

// The contract between the request pipeline and the endpoint modules, and PagerDuty's request
// conventions: `name[]` array parameters, classic offset pagination with its 10,000-record
// ceiling, and the `{ error: { message, code, errors } }` body of every failure.

export type PdRequest = {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
  credential: Credential;
  state: PagerdutyState;
  shapes: ShapeContext;
  /** offset + limit may not exceed this (PagerDuty: 10,000). */
  offsetCap: number;
};

export type PdResponse = { status: number; body: unknown; headers?: Record<string, string> };

export type Route = {
  method: "GET" | "POST";
  /** PagerDuty's path template, e.g. "/services/{id}"; also the stats key. */
  template: string;
  handle: (request: PdRequest) => PdResponse;
};

/** PagerDuty's error codes for the failures the simulator produces. */
export const ERROR_CODES = {
  invalidInput: 2001,
  authenticationFailed: 2006,
  accessDenied: 2010,
  rateLimited: 2020,
  notFound: 2100,
  internal: 2014,
} as const;

export class PdError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors: string[] = [],
  ) {
    super(message);
  }
}

export function errorBody(message: string, code: number, errors: string[] = []) {
  return { error: { message, code, ...(errors.length > 0 ? { errors } : {}) } };
}

export function invalidInput(...errors: string[]): PdError {
  return new PdError(400, ERROR_CODES.invalidInput, "Invalid Input Provided", errors);
}

export function notFound(): PdError {
  return new PdError(404, ERROR_CODES.notFound, "Not Found");
}

/** `name[]=a&name[]=b` (PagerDuty's form), also accepting `name=a,b` and plain `name=a`. */
export function arrayParam(url: URL, name: string): string[] {
  const values = [...url.searchParams.getAll(`${name}[]`), ...url.searchParams.getAll(name)];
  return values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
}

export function booleanParam(url: URL, name: string): boolean {
  return url.searchParams.get(name) === "true";
}

export function timeParam(url: URL, name: string): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return null;
  const parsed = Date.parse(raw);
  if (Number.isNaN(parsed)) throw invalidInput(`${name[0]!.toUpperCase()}${name.slice(1)} is not a valid date`);
  return parsed;
}

/**
 * Classic pagination: `limit` (default 25, at most 100), `offset`, `total` only when asked for.
 * Echoes limit and offset (clients read them back), and refuses pages past the ceiling so a
 * client has to narrow its query instead of walking ever deeper.
 */
export function paginate<T, R>(request: PdRequest, items: readonly T[], render: (item: T) => R, options: { defaultLimit?: number } = {}) {
  const rawLimit = Number.parseInt(request.url.searchParams.get("limit") ?? "", 10);
  const rawOffset = Number.parseInt(request.url.searchParams.get("offset") ?? "", 10);
  const limit = Number.isFinite(rawLimit) && rawLimit > 0 ? Math.min(rawLimit, 100) : (options.defaultLimit ?? 25);
  const offset = Number.isFinite(rawOffset) && rawOffset > 0 ? rawOffset : 0;
  if (offset + limit > request.offsetCap) {
    throw invalidInput(`Offset must be less than or equal to ${request.offsetCap - limit} for limit ${limit}: offset + limit may not exceed ${request.offsetCap}. Narrow the query (a shorter time range, or filters) to see older records.`);
  }
  return {
    page: items.slice(offset, offset + limit).map(render),
    limit,
    offset,
    more: offset + limit < items.length,
    total: booleanParam(request.url, "total") ? items.length : null,
  };
}
