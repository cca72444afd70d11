import { describe, expect, it } from "vitest";
import { parseCatalogEntities, parseCatalogJson } from "./parse-json";

const component = (name: string, owner: unknown = "team-a") => ({
  apiVersion: "backstage.io/v1alpha1",
  kind: "Component",
  metadata: { name },
  spec: { type: "service", lifecycle: "production", owner },
});

describe("parseCatalogJson", () => {
  it("reads an array of entities, reporting bad ones by array index", () => {
    const result = parseCatalogJson(JSON.stringify([component("a"), component("b", 7), component("c")]), {
      sourceName: "export.json",
    });
    expect(result.entities.map((e) => `${e.documentIndex}:${e.ref}`)).toEqual([
      "0:component:default/a",
      "2:component:default/c",
    ]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        sourceName: "export.json",
        documentIndex: 1,
        entityRef: "component:default/b",
        path: "spec.owner",
        rule: "type",
      }),
    ]);
    // JSON has no line information.
    expect(result.errors[0]?.line).toBeUndefined();
  });

  it("reads Backstage's { items: [...] } response shape, relations and status included", () => {
    const exported = {
      ...component("a"),
      metadata: { name: "a", namespace: "default", uid: "u-1", etag: "e-1" },
      relations: [
        {
          type: "ownedBy",
          targetRef: "group:default/team-a",
          target: { kind: "group", namespace: "default", name: "team-a" },
        },
      ],
      status: { items: [] },
    };
    const result = parseCatalogJson(JSON.stringify({ items: [exported] }));
    expect(result.errors).toEqual([]);
    expect(result.entities[0]?.entity.metadata.uid).toBe("u-1");
  });

  it("reads a single entity object", () => {
    expect(parseCatalogJson(JSON.stringify(component("solo"))).entities.map((e) => e.ref)).toEqual([
      "component:default/solo",
    ]);
  });

  it("reports a syntax error for the whole input", () => {
    const result = parseCatalogJson('[{"apiVersion": "backstage.io/v1alpha1",', { sourceName: "bad.json" });
    expect(result.entities).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ rule: "json-syntax", sourceName: "bad.json", path: "" })]);
    expect(result.errors[0]?.documentIndex).toBeUndefined();
  });

  it("rejects JSON that is not entities", () => {
    expect(parseCatalogJson("42").errors[0]?.rule).toBe("not-an-object");
    expect(parseCatalogJson("[42]").errors[0]).toMatchObject({ rule: "not-an-object", documentIndex: 0 });
  });
});

describe("parseCatalogEntities", () => {
  it("validates already-parsed values and catches duplicates", () => {
    const result = parseCatalogEntities([component("a"), component("A")]);
    expect(result.entities).toHaveLength(1);
    expect(result.errors).toEqual([expect.objectContaining({ rule: "duplicate-entity", documentIndex: 1 })]);
  });
});
