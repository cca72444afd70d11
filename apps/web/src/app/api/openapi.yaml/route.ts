import { openApiYaml } from "@greenroom/api/rest";

/** The OpenAPI 3.1 description of the catalog REST API and the push API. */
export function GET(request: Request) {
  return new Response(openApiYaml(new URL(request.url).origin), {
    headers: { "content-type": "application/yaml; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}
