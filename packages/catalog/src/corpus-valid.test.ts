import { describe, expect, it } from "vitest";
import { corpusFiles, parseFixture, relationRows } from "./test-fixtures/corpus";
import { VALID_EXPECTATIONS } from "./test-fixtures/valid-expectations";
import { INVALID_EXPECTATIONS } from "./test-fixtures/invalid-expectations";

describe("catalog corpus: every fixture has expectations", () => {
  it("lists each YAML file in the corpus exactly once", () => {
    const covered = [...Object.keys(VALID_EXPECTATIONS), ...Object.keys(INVALID_EXPECTATIONS)].sort();
    expect(covered).toEqual(corpusFiles());
  });
});

describe("catalog corpus: valid files", () => {
  for (const [file, expected] of Object.entries(VALID_EXPECTATIONS)) {
    describe(file, () => {
      const result = parseFixture(file);

      it("reports no errors", () => {
        expect(result.errors).toEqual([]);
      });

      it("accepts every entity, flagging unknown kinds", () => {
        expect(result.entities.map((e) => `${e.documentIndex}:${e.ref}:${e.known ? "known" : "unknown"}`)).toEqual(
          expected.entities,
        );
      });

      it("produces exactly the expected relations, both directions", () => {
        const want = Object.fromEntries(
          Object.entries(expected.relations).map(([ref, rows]) => [ref, [...rows].sort()]),
        );
        expect(relationRows(result)).toEqual(want);
      });
    });
  }
});

describe("catalog corpus: details of valid files", () => {
  it("keeps fields as written and fills in the default namespace", () => {
    const [parsed] = parseFixture("component-full.yaml").entities;
    expect(parsed?.entity.metadata.namespace).toBe("default");
    expect(parsed?.entity.metadata.tags).toEqual(["java", "c++", "team:artists", "#fun"]);
    expect(parsed?.entity.metadata.annotations?.["example.com/long-text"]).toBe(
      "Annotation values may be any string,\neven on several lines.\n",
    );
    expect(parsed?.entity.metadata.links?.[0]).toEqual({
      url: "https://admin.example-org.com",
      title: "Admin Dashboard",
      icon: "dashboard",
      type: "admin-dashboard",
    });
    expect(parsed?.sourceName).toBe("component-full.yaml");
    expect(parsed?.line).toBe(2);
  });

  it("keeps the case of names while keying in lowercase", () => {
    const [component] = parseFixture("namespaces.yaml").entities;
    expect(component?.entity.metadata.name).toBe("Ledger_Service.v2");
    expect(component?.ref).toBe("component:finance/ledger_service.v2");
  });

  it("records $text substitutions for the engine and keeps the entity", () => {
    const result = parseFixture("api-definitions.yaml");
    expect(result.entities[0]?.placeholders).toEqual([]);
    expect(result.entities[1]?.placeholders).toEqual([
      { path: "spec.definition", type: "$text", target: "./schema.graphql" },
    ]);
  });

  it("keeps an unknown kind's spec untouched", () => {
    const [pipeline, environment] = parseFixture("unknown-kind.yaml").entities;
    expect(pipeline?.entity.spec).toEqual({ owner: "team-a", anything: ["goes", "here"] });
    expect(environment?.entity.spec).toBeUndefined();
  });
});
