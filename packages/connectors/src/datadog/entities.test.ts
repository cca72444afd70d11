import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { parseCatalogEntities } from "@greenroom/catalog";
import { renderDefinitionSchema, seedDatadogOrg } from "@greenroom/simulators/datadog";
import { describe, expect, it } from "vitest";

import { parseOpsRecord } from "../framework/ops-records";
import { backstageLifecycle, githubSlug, pagerdutyServiceId, serviceComponent, serviceRecord } from "./entities";
import { normalizeDefinition } from "./service-definitions";

// Service definitions in every schema version, as raw JSON (what the client hands back as an
// UnparsedObject) — including Datadog's own recorded responses — mapped to a valid Backstage
// Component and a valid datadog.service record. The typed-model path is covered over HTTP in
// connector.test.ts.

const FIXTURES = fileURLToPath(new URL("../../../../../shared/fixtures/datadog/", import.meta.url));
const APP = "https://app.datadoghq.com";

function expectValidComponent(doc: unknown): void {
  const parsed = parseCatalogEntities([doc], { sourceName: "integration:test" });
  expect(parsed.errors).toEqual([]);
  expect(parsed.entities).toHaveLength(1);
}

describe("normalizeDefinition + serviceComponent", () => {
  const org = seedDatadogOrg({ services: 9, seed: 12, pagerdutyServiceIds: {}, githubOrg: "acme" });

  it.each(["v1", "v2", "v2.1", "v2.2"] as const)("maps a %s document", (version) => {
    for (const service of org.services) {
      const definition = normalizeDefinition({ _data: renderDefinitionSchema(service, version) });
      expect(definition).not.toBeNull();
      expect(definition!.version).toBe(version);
      expect(definition!.name).toBe(service.name);
      expect(definition!.team).toBe(service.team);
      const repo = service.links.find((link) => link.type === "repo");
      const component = serviceComponent(definition!);
      expectValidComponent(component);
      expect(component.metadata.annotations["datadoghq.com/service-name"]).toBe(service.name);
      expect(component.metadata.annotations["github.com/project-slug"]).toBe(repo ? `acme/${service.name}` : undefined);
      expect(component.spec.owner).toBe(service.team ? `group:default/${service.team}` : "unknown");
      if (version === "v2.1" || version === "v2.2") {
        expect(definition!.tier).toBe(service.tier);
        expect(component.spec.lifecycle).toBe(backstageLifecycle(service.lifecycle));
      }
      expect(parseOpsRecord(serviceRecord(definition!, APP)).links).toContain(`datadog:service:${service.name}`);
    }
  });

  it("maps Datadog's recorded responses (v2 with repos/docs, v2.1 with typed links)", () => {
    const list = JSON.parse(readFileSync(`${FIXTURES}list-service-definitions.json`, "utf8")) as { recorded_examples: { entries: { response: { body: { data: { attributes: { schema: unknown } }[] } } }[] } };
    const schemas = list.recorded_examples.entries.flatMap((entry) => entry.response.body.data.map((item) => item.attributes.schema));
    expect(schemas.length).toBeGreaterThan(3);
    for (const schema of schemas) {
      const definition = normalizeDefinition(schema);
      expect(definition).not.toBeNull();
      const component = serviceComponent(definition!);
      expectValidComponent(component);
      parseOpsRecord(serviceRecord(definition!, APP));
    }
    const v2 = normalizeDefinition(schemas.find((schema) => (schema as Record<string, unknown>)["schema-version"] === "v2" && (schema as { repos?: unknown[] }).repos?.length));
    expect(v2!.links.map((link) => link.type)).toEqual(["runbook", "repo", "doc"]);
    expect(v2!.pagerdutyUrl).toBe("https://my-org.pagerduty.com/service-directory/PMyService");
    const component = serviceComponent(v2!);
    expect(component.metadata.annotations).toMatchObject({ "pagerduty.com/service-id": "PMyService", "github.com/project-slug": "DataDog/schema" });
    expect(component.spec.owner).toBe("group:default/my-team");
  });

  it("keeps an invalid Datadog name as the title and makes a valid entity name", () => {
    const definition = normalizeDefinition({ "schema-version": "v2.2", "dd-service": "Checkout API (legacy)", team: "Payments Core" })!;
    const component = serviceComponent(definition);
    expectValidComponent(component);
    expect(component.metadata).toMatchObject({ name: "Checkout-API-legacy", title: "Checkout API (legacy)" });
    expect(component.spec.owner).toBe("group:default/Payments-Core");
    expect(normalizeDefinition({ "schema-version": "v2.2" })).toBeNull();
    expect(normalizeDefinition(null)).toBeNull();
  });
});

describe("helpers", () => {
  it("maps lifecycles, PagerDuty ids and GitHub slugs", () => {
    expect([null, "production", "Staging", "beta", "sandbox", "deprecated", "end of life", "weird"].map(backstageLifecycle)).toEqual([
      "production",
      "production",
      "experimental",
      "experimental",
      "experimental",
      "deprecated",
      "deprecated",
      "production",
    ]);
    expect(pagerdutyServiceId("https://acme.pagerduty.com/service-directory/PABC123")).toBe("PABC123");
    expect(pagerdutyServiceId("https://acme.pagerduty.com/service-directory/PABC123/")).toBe("PABC123");
    expect(pagerdutyServiceId("https://example.com/")).toBeNull();
    expect(githubSlug("https://github.com/acme/payments-api.git")).toBe("acme/payments-api");
    expect(githubSlug("https://github.com/acme/payments-api/tree/main/service")).toBe("acme/payments-api");
    expect(githubSlug("https://gitlab.com/acme/payments-api")).toBeNull();
  });
});
