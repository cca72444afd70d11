import { openApiDocument } from "@greenroom/api/rest";

/** The same description as /api/openapi.yaml, as JSON (for tools that read only JSON). */
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin), { headers: { "cache-control": "public, max-age=300" } });
}
