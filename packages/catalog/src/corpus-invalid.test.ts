import { describe, expect, it } from "vitest";
import { formatCatalogError } from "./errors";
import { errorRows, parseFixture } from "./test-fixtures/corpus";
import { INVALID_EXPECTATIONS } from "./test-fixtures/invalid-expectations";

describe("catalog corpus: files with problems", () => {
  for (const [file, expected] of Object.entries(INVALID_EXPECTATIONS)) {
    describe(file, () => {
      const result = parseFixture(file);

      it("keeps exactly the good documents", () => {
        expect(result.entities.map((e) => `${e.documentIndex}:${e.ref}`)).toEqual(expected.accepted);
      });

      it("reports each problem with its document, field path and rule", () => {
        expect(errorRows(result)).toEqual([...expected.errors].sort());
      });

      it("names the source file in every error and gives every message a fix", () => {
        for (const error of result.errors) {
          expect(error.sourceName).toBe(file);
          expect(error.message.length).toBeGreaterThan(20);
          expect(error.line).toBeGreaterThan(0);
        }
      });
    });
  }
});

describe("catalog corpus: error details", () => {
  it("names the entity and points at the offending line", () => {
    const { errors } = parseFixture("invalid-tags.yaml");
    const java = errors.find((e) => e.path === "metadata.tags[1]");
    expect(java).toMatchObject({
      sourceName: "invalid-tags.yaml",
      documentIndex: 0,
      entityRef: "component:default/tagged",
      rule: "tag",
      line: 7,
    });
    expect(java?.message).toContain('"Java"');
    expect(java?.message).toContain("lowercase");
    const long = errors.find((e) => e.path === "metadata.tags[5]");
    expect(long?.message).toContain("64 characters, the limit is 63");
  });

  it("explains missing required fields with an example", () => {
    const { errors } = parseFixture("missing-required.yaml");
    const children = errors.find((e) => e.documentIndex === 2);
    expect(children?.message).toContain('"children: []"');
    expect(children?.entityRef).toBe("group:default/no-children");
    // A missing field has no line of its own; point at the mapping it belongs in.
    expect(children?.line).toBe(26);
    const emptyOwner = errors.find((e) => e.documentIndex === 6);
    expect(emptyOwner?.message).toContain("is empty");
  });

  it("tells the author to add a kind to dependsOn refs", () => {
    const { errors } = parseFixture("invalid-refs.yaml");
    const dep = errors.find((e) => e.path === "spec.dependsOn[0]" && e.documentIndex === 0);
    expect(dep?.message).toContain('"resource:artists-db"');
  });

  it("reports YAML syntax errors with the document and line and no entity ref", () => {
    const { errors } = parseFixture("malformed-middle.yaml");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.entityRef).toBeUndefined();
    expect(errors[0]?.line).toBeGreaterThanOrEqual(14);
    expect(errors[0]?.line).toBeLessThanOrEqual(15);
    expect(errors[0]?.message).toMatch(/^YAML syntax error: /);
  });

  it("suggests quoting YAML booleans and numbers in labels and annotations", () => {
    const { errors } = parseFixture("invalid-annotations-labels.yaml");
    expect(errors.find((e) => e.path === "metadata.labels.enabled")?.message).toContain('Quote it: "true"');
    expect(errors.find((e) => e.path === 'metadata.annotations["pagerduty.com/service-id"]')?.message).toContain(
      'Quote it: "12345"',
    );
  });

  it("gives the right spelling of a miscased core kind and the allowed apiVersions", () => {
    const { errors } = parseFixture("envelope-rules.yaml");
    expect(errors.find((e) => e.documentIndex === 1)?.message).toContain('must be written "Component"');
    expect(errors.find((e) => e.documentIndex === 2)?.message).toContain('"scaffolder.backstage.io/v1beta3"');
  });

  it("keeps the first of two documents with the same ref", () => {
    const { entities, errors } = parseFixture("duplicates.yaml");
    expect(entities[0]?.entity.spec?.type).toBe("service");
    expect(errors[0]?.message).toContain("Document 0 already defines component:default/payments");
  });

  it("formats an error on one line with where, field, fix and rule", () => {
    const { errors } = parseFixture("invalid-names.yaml");
    const line = formatCatalogError(errors.find((e) => e.documentIndex === 2)!);
    expect(line).toBe(
      'invalid-names.yaml, document 2, line 20, component:finance/artist-web: metadata.namespace "Finance" is not a valid namespace: use 1-63 lowercase letters or digits separated by single "-" (e.g. "payments"). [namespace]',
    );
  });
});
