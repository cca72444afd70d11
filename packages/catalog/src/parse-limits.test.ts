import { describe, expect, it } from "vitest";
import { parseCatalogJson } from "./parse-json";
import { DEFAULT_LIMITS } from "./parse-options";
import { parseCatalogYaml } from "./parse-yaml";

const componentYaml = (name: string, extra = ""): string =>
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: team-a
${extra}`;

const componentJson = (name: string, description = "") => ({
  apiVersion: "backstage.io/v1alpha1",
  kind: "Component",
  metadata: { name, description },
  spec: { type: "service", lifecycle: "production", owner: "team-a" },
});

describe("size limits: YAML", () => {
  it("rejects one oversized document and keeps its neighbours", () => {
    // Over the limit as written, though its parsed value would be under twice the limit.
    const big = componentYaml("big", `  definition: "${"x".repeat(3_000)}"\n`);
    const text = [componentYaml("small-1"), big, componentYaml("small-2")].join("---\n");
    const result = parseCatalogYaml(text, { maxDocumentBytes: 2_000, sourceName: "big.yaml" });
    expect(result.entities.map((e) => e.ref)).toEqual(["component:default/small-1", "component:default/small-2"]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      documentIndex: 1,
      rule: "document-too-large",
      path: "",
      sourceName: "big.yaml",
    });
    expect(result.errors[0]?.message).toContain("2.0 KiB per-entity limit");
    expect(result.errors[0]?.message).toContain("$text");
  });

  it("accepts a document right under the limit", () => {
    const text = componentYaml("fits");
    const bytes = Buffer.byteLength(text, "utf8");
    expect(parseCatalogYaml(text, { maxDocumentBytes: bytes + 10 }).errors).toEqual([]);
  });

  it("rejects the whole input above maxInputBytes without parsing it", () => {
    const text = componentYaml("a") + "#".repeat(2_000);
    const result = parseCatalogYaml(text, { maxInputBytes: 1_000 });
    expect(result.entities).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ rule: "input-too-large", path: "" })]);
    expect(result.errors[0]).not.toHaveProperty("documentIndex");
    expect(result.errors[0]?.message).toContain("split it into several files");
  });

  it("counts bytes, not characters", () => {
    // 600 three-byte characters: 600 chars, 1800 bytes.
    const text = componentYaml("utf8", `  note: "${"€".repeat(600)}"\n`);
    expect(parseCatalogYaml(text, { maxInputBytes: 1_500 }).errors[0]?.rule).toBe("input-too-large");
  });

  it("stops after maxDocuments and says so", () => {
    const text = ["a", "b", "c"].map((n) => componentYaml(n)).join("---\n");
    const result = parseCatalogYaml(text, { maxDocuments: 2 });
    expect(result.entities.map((e) => e.entity.metadata.name)).toEqual(["a", "b"]);
    expect(result.errors).toEqual([expect.objectContaining({ rule: "too-many-documents", documentIndex: 2 })]);
  });

  it("refuses alias expansion bombs", () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++) {
      lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(", ")}]`);
    }
    const text = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bomb
spec:
  type: service
  lifecycle: production
  owner: team-a
  ${lines.join("\n  ")}
`;
    const result = parseCatalogYaml(text);
    expect(result.entities).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ rule: "yaml-syntax", documentIndex: 0 })]);
    expect(result.errors[0]?.message).toContain("aliases");
  });

  it("measures the parsed value too, so a few aliases cannot grow past the limit", () => {
    const text = componentYaml(
      "grows",
      `  base: &b "${"y".repeat(500)}"\n  copies: [${Array.from({ length: 20 }, () => "*b").join(", ")}]\n`,
    );
    const sourceBytes = Buffer.byteLength(text, "utf8");
    expect(sourceBytes).toBeLessThan(4_000);
    const result = parseCatalogYaml(text, { maxDocumentBytes: 4_000 });
    expect(result.errors).toEqual([expect.objectContaining({ rule: "document-too-large", documentIndex: 0 })]);
  });

  it("has generous defaults", () => {
    expect(DEFAULT_LIMITS.maxDocumentBytes).toBe(1024 * 1024);
    expect(DEFAULT_LIMITS.maxInputBytes).toBe(16 * 1024 * 1024);
  });
});

describe("size limits: JSON", () => {
  it("rejects an oversized entity and keeps the others", () => {
    const text = JSON.stringify([componentJson("a"), componentJson("b", "z".repeat(3_000)), componentJson("c")]);
    const result = parseCatalogJson(text, { maxDocumentBytes: 1_000 });
    expect(result.entities.map((e) => e.entity.metadata.name)).toEqual(["a", "c"]);
    expect(result.errors).toEqual([expect.objectContaining({ rule: "document-too-large", documentIndex: 1 })]);
  });

  it("rejects the whole input above maxInputBytes", () => {
    const text = JSON.stringify([componentJson("a", "z".repeat(3_000))]);
    expect(parseCatalogJson(text, { maxInputBytes: 1_000 }).errors[0]?.rule).toBe("input-too-large");
  });
});
