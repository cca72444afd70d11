import { compileErrors, validate } from "@readme/openapi-parser";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

import { restRoutes } from "../routes";
import { openApiDocument, openApiYaml } from "./document";

describe("the OpenAPI description of the REST APIs", () => {
  it("is a valid OpenAPI 3.1 document, as served (YAML)", async () => {
    const document = parse(openApiYaml("https://greenroom.example"));
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(document);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
    // The validator is not vacuous: a broken copy fails.
    const broken = parse(openApiYaml());
    broken.paths["/api/catalog/entities"].get.responses = { "200": { content: {} } };
    expect((await validate(broken)).valid).toBe(false);
  });

  it("describes every route of the route table, and nothing that is not one", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    const documented = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => ["get", "put", "post", "patch", "delete"].includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routed = restRoutes.map((route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, "{$1}")}`);
    expect(documented.sort()).toEqual(routed.sort());
  });

  it("documents every error status a route can answer with the shared Error schema", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!operation || typeof operation !== "object" || !("responses" in operation)) continue;
        // Every operation needs a token, so every one can answer 401.
        expect(Object.keys(operation.responses ?? {}), `${method} ${path}`).toContain("401");
      }
    }
  });
});
