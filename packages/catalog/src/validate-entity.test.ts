import { describe, expect, it } from "vitest";
import { validateEntity } from "./validate-entity";

const component = () => ({
  apiVersion: "backstage.io/v1alpha1",
  kind: "Component",
  metadata: { name: "payments" },
  spec: { type: "service", lifecycle: "production", owner: "team-a" },
});

describe("validateEntity", () => {
  it("returns a normalised copy and leaves the input alone", () => {
    const input = component();
    const { entity, errors } = validateEntity(input, { documentIndex: 3, sourceName: "push-api" });
    expect(errors).toEqual([]);
    expect(entity).toMatchObject({
      ref: "component:default/payments",
      known: true,
      documentIndex: 3,
      sourceName: "push-api",
    });
    expect(entity?.entity.metadata.namespace).toBe("default");
    expect(input.metadata).not.toHaveProperty("namespace");
    expect(entity?.entity).not.toBe(input);
  });

  it("collects every problem in one pass", () => {
    const input = { ...component(), metadata: { name: "bad name", tags: ["Bad"] }, spec: { type: "service" } };
    const { entity, errors } = validateEntity(input);
    expect(entity).toBeUndefined();
    expect(errors.map((e) => `${e.path}|${e.rule}`).sort()).toEqual([
      "metadata.name|entity-name",
      "metadata.tags[0]|tag",
      "spec.lifecycle|required",
      "spec.owner|required",
    ]);
    expect(errors.every((e) => e.entityRef === "component:default/bad name")).toBe(true);
  });

  it("keeps unknown kinds with a valid envelope", () => {
    const { entity, errors } = validateEntity({
      apiVersion: "example.com/v1",
      kind: "Pipeline",
      metadata: { name: "deploy" },
    });
    expect(errors).toEqual([]);
    expect(entity).toMatchObject({ known: false, ref: "pipeline:default/deploy" });
  });

  it("still validates the envelope and metadata of unknown kinds", () => {
    const { errors } = validateEntity({
      apiVersion: "example.com/v1",
      kind: "Pipeline",
      metadata: { name: "deploy", tags: ["UPPER"] },
      spec: [],
    });
    expect(errors.map((e) => `${e.path}|${e.rule}`).sort()).toEqual(["metadata.tags[0]|tag", "spec|type"]);
  });

  it("accepts Backstage's read-only relations and status", () => {
    const { errors } = validateEntity({ ...component(), relations: [], status: { items: [] } });
    expect(errors).toEqual([]);
  });

  it("accepts substitutions wherever a spec value is expected", () => {
    const api = {
      apiVersion: "backstage.io/v1alpha1",
      kind: "API",
      metadata: { name: "payments-api", description: "Moves money" },
      spec: {
        type: "openapi",
        lifecycle: "production",
        owner: "team-a",
        definition: { $json: "https://example.com/openapi.json" },
      },
    };
    const { entity, errors } = validateEntity(api);
    expect(errors).toEqual([]);
    expect(entity?.placeholders).toEqual([
      { path: "spec.definition", type: "$json", target: "https://example.com/openapi.json" },
    ]);
  });

  it("does not treat other $-keyed objects as substitutions", () => {
    const api = {
      apiVersion: "backstage.io/v1alpha1",
      kind: "API",
      metadata: { name: "payments-api" },
      spec: { type: "openapi", lifecycle: "production", owner: "team-a", definition: { $ref: "./x.yaml" } },
    };
    expect(validateEntity(api).errors).toEqual([expect.objectContaining({ path: "spec.definition", rule: "type" })]);
  });

  it("checks the Template step list", () => {
    const template = {
      apiVersion: "scaffolder.backstage.io/v1beta3",
      kind: "Template",
      metadata: { name: "t" },
      spec: { type: "service", parameters: "name", steps: [{ action: "fetch:plain", if: 3 }, "publish"] },
    };
    expect(
      validateEntity(template)
        .errors.map((e) => `${e.path}|${e.rule}`)
        .sort(),
    ).toEqual(["spec.parameters|type", "spec.steps[0].if|type", "spec.steps[1]|type"]);
  });

  it("rejects a non-entity value", () => {
    expect(validateEntity("apiVersion: x").errors).toEqual([
      expect.objectContaining({ path: "", rule: "not-an-object", documentIndex: 0 }),
    ]);
  });
});
