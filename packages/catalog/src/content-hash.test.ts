import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { entityContentHash } from "./content-hash";
import type { Entity } from "./entity";

const base = (): Entity => ({
  apiVersion: "backstage.io/v1alpha1",
  kind: "Component",
  metadata: {
    name: "payments",
    namespace: "default",
    tags: ["java", "go"],
    annotations: { "a.io/x": "1", "b.io/y": "2" },
  },
  spec: { type: "service", lifecycle: "production", owner: "team-a", providesApis: ["payments-api"] },
});

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("drops undefined members", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe("entityContentHash", () => {
  it("is a sha256 hex digest", () => {
    expect(entityContentHash(base())).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not depend on key order", () => {
    const reordered: Entity = {
      spec: { providesApis: ["payments-api"], owner: "team-a", lifecycle: "production", type: "service" },
      metadata: {
        annotations: { "b.io/y": "2", "a.io/x": "1" },
        tags: ["java", "go"],
        namespace: "default",
        name: "payments",
      },
      kind: "Component",
      apiVersion: "backstage.io/v1alpha1",
    };
    expect(entityContentHash(reordered)).toBe(entityContentHash(base()));
  });

  it("changes when the spec changes", () => {
    const changed = base();
    changed.spec = { ...changed.spec, lifecycle: "deprecated" };
    expect(entityContentHash(changed)).not.toBe(entityContentHash(base()));
  });

  it("changes when metadata or array order changes", () => {
    const described = base();
    described.metadata.description = "Moves money";
    expect(entityContentHash(described)).not.toBe(entityContentHash(base()));

    const retagged = base();
    retagged.metadata.tags = ["go", "java"];
    expect(entityContentHash(retagged)).not.toBe(entityContentHash(base()));
  });

  it("ignores server-managed fields", () => {
    const stored = base();
    stored.metadata.uid = "e01199ab-08cc-44c2-8e19-5c29ded82521";
    stored.metadata.etag = "abc123";
    stored.metadata.generation = 7;
    stored.relations = [{ type: "ownedBy", targetRef: "group:default/team-a" }];
    stored.status = { items: [] };
    expect(entityContentHash(stored)).toBe(entityContentHash(base()));
  });

  it("treats a missing namespace as the default namespace", () => {
    const implicit = base();
    delete implicit.metadata.namespace;
    expect(entityContentHash(implicit)).toBe(entityContentHash(base()));
    const other = base();
    other.metadata.namespace = "finance";
    expect(entityContentHash(other)).not.toBe(entityContentHash(base()));
  });

  it("does not modify the entity", () => {
    const entity = base();
    entity.metadata.uid = "u1";
    delete entity.metadata.namespace;
    const before = structuredClone(entity);
    entityContentHash(entity);
    expect(entity).toEqual(before);
  });
});
