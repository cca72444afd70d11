import { authenticateApiToken, type ApiTokenPrincipal } from "@greenroom/accounts";

import { authenticationError, errorResponse, notAllowedError, notFoundError } from "./errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a route needs from the caller's org API token. */
export type RouteAccess = "read" | "write" | "public";

export type RouteContext = {
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** Null only on public routes. */
  principal: ApiTokenPrincipal | null;
};

export type Route = {
  method: HttpMethod;
  /** Full path with `:param` segments, e.g. `/api/catalog/entities/by-uid/:uid`. */
  path: string;
  access: RouteAccess;
  handler: (context: RouteContext) => Promise<Response>;
};

export type AuthedContext = RouteContext & { principal: ApiTokenPrincipal };

type Compiled = Route & { segments: string[] };

function splitPath(path: string): string[] {
  return path.split("/").filter(Boolean);
}

function match(route: Compiled, segments: string[]): Record<string, string> | null {
  if (route.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const pattern = route.segments[i]!;
    let segment: string;
    try {
      segment = decodeURIComponent(segments[i]!);
    } catch {
      return null;
    }
    if (pattern.startsWith(":")) params[pattern.slice(1)] = segment;
    else if (pattern !== segment) return null;
  }
  return params;
}

async function principalOf(request: Request, access: RouteAccess): Promise<ApiTokenPrincipal | null> {
  if (access === "public") return null;
  const header = request.headers.get("authorization") ?? "";
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token) {
    throw authenticationError(
      header ? "The Authorization header must be \"Bearer <org API token>\"" : "Missing credentials: send \"Authorization: Bearer <org API token>\" (create one under Settings → API tokens)",
    );
  }
  const principal = await authenticateApiToken(token);
  if (!principal) throw authenticationError("This API token is not valid: it was revoked, or it was never issued. Create a new one under Settings → API tokens.");
  if (access === "write" && principal.scope !== "WRITE") {
    throw notAllowedError("This API token is read-only; this request changes the catalog and needs a read-write token.");
  }
  return principal;
}

/**
 * A small router over a route table: method + path pattern → handler. The table is plain data,
 * so the OpenAPI test and the cross-tenant harness enumerate every route; the handler it
 * returns is a plain `(request) => Promise<Response>` that the Next.js route files and a
 * node:http test server can both call.
 */
export function createRestHandler(routes: Route[]): (request: Request) => Promise<Response> {
  // Literal segments win over parameters (`/locations/by-query` before `/locations/:id`).
  const compiled: Compiled[] = routes
    .map((route) => ({ ...route, segments: splitPath(route.path) }))
    .sort((a, b) => a.segments.filter((s) => s.startsWith(":")).length - b.segments.filter((s) => s.startsWith(":")).length);
  return async (request) => {
    try {
      const url = new URL(request.url);
      const segments = splitPath(url.pathname);
      for (const route of compiled) {
        if (route.method !== request.method) continue;
        const params = match(route, segments);
        if (!params) continue;
        const principal = await principalOf(request, route.access);
        return await route.handler({ request, url, params, principal });
      }
      throw notFoundError(`No route for ${request.method} ${url.pathname}`);
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

/** For handlers of authenticated routes. */
export function authed(context: RouteContext): AuthedContext {
  if (!context.principal) throw authenticationError("Missing credentials");
  return context as AuthedContext;
}
