import { DomainError } from "@greenroom/accounts";

/**
 * Errors of the REST APIs, named and shaped like Backstage's (`@backstage/errors` names, the
 * backend's error handler body), so `@backstage/catalog-client` and scripts written against
 * Backstage read them unchanged:
 * `{ error: { name, message }, request: { method, url }, response: { statusCode } }`.
 */
export class RestError extends Error {
  constructor(
    readonly status: number,
    name: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = name;
  }
}

export const inputError = (message: string) => new RestError(400, "InputError", message);
export const authenticationError = (message: string) =>
  new RestError(401, "AuthenticationError", message, { "www-authenticate": 'Bearer realm="greenroom"' });
export const notAllowedError = (message: string) => new RestError(403, "NotAllowedError", message);
export const notFoundError = (message: string) => new RestError(404, "NotFoundError", message);
export const conflictError = (message: string) => new RestError(409, "ConflictError", message);
export const payloadTooLargeError = (message: string) => new RestError(413, "PayloadTooLargeError", message);

const DOMAIN_STATUS: Record<DomainError["code"], [number, string]> = {
  BAD_REQUEST: [400, "InputError"],
  UNAUTHORIZED: [401, "AuthenticationError"],
  FORBIDDEN: [403, "NotAllowedError"],
  NOT_FOUND: [404, "NotFoundError"],
  CONFLICT: [409, "ConflictError"],
  TOO_MANY_REQUESTS: [429, "TooManyRequestsError"],
};

export function toRestError(error: unknown): RestError {
  if (error instanceof RestError) return error;
  if (error instanceof DomainError) {
    const [status, name] = DOMAIN_STATUS[error.code];
    return new RestError(status, name, error.message);
  }
  // Never echo an unexpected error's text: it may carry SQL or internals.
  console.error("REST request failed:", error);
  return new RestError(500, "Error", "Something went wrong on our side; try again, and tell us if it keeps happening.");
}

export function errorResponse(error: unknown, request: Request): Response {
  const rest = toRestError(error);
  const url = new URL(request.url);
  const body = {
    error: { name: rest.name, message: rest.message },
    request: { method: request.method, url: `${url.pathname}${url.search}` },
    response: { statusCode: rest.status },
  };
  return new Response(JSON.stringify(body), {
    status: rest.status,
    headers: { "content-type": "application/json; charset=utf-8", ...rest.headers },
  });
}
