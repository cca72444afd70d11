import { describe, expect, it } from "vitest";
import type { Entity } from "./entity";
import { inverseRelation, isRelationType, RELATION_PAIRS } from "./relation-types";
import { relationsOf } from "./relations-of";

const component = (spec: Record<string, unknown>, namespace?: string): Entity => ({
  apiVersion: "backstage.io/v1alpha1",
  kind: "Component",
  metadata: { name: "svc", ...(namespace ? { namespace } : {}) },
  spec: { type: "service", lifecycle: "production", owner: "team-a", ...spec },
});

const rows = (entity: Entity): string[] => relationsOf(entity).map((r) => `${r.source} ${r.type} ${r.target}`);

describe("relation pairs", () => {
  it("maps every well-known relation to its inverse and back", () => {
    const expected: Record<string, string> = {
      ownedBy: "ownerOf",
      partOf: "hasPart",
      dependsOn: "dependencyOf",
      providesApi: "apiProvidedBy",
      consumesApi: "apiConsumedBy",
      memberOf: "hasMember",
      parentOf: "childOf",
    };
    for (const [type, inverse] of Object.entries(expected)) {
      expect(inverseRelation(type)).toBe(inverse);
      expect(inverseRelation(inverse)).toBe(type);
    }
    expect(RELATION_PAIRS).toHaveLength(7);
    expect(inverseRelation("relatedTo")).toBeUndefined();
    expect(isRelationType("ownedBy")).toBe(true);
    expect(isRelationType("OwnedBy")).toBe(false);
  });
});

describe("relationsOf", () => {
  it("returns each relation and its inverse as separate rows", () => {
    expect(rows(component({}))).toEqual([
      "component:default/svc ownedBy group:default/team-a",
      "group:default/team-a ownerOf component:default/svc",
    ]);
  });

  it("deduplicates refs that name the same entity in different spellings", () => {
    const entity = component({ providesApis: ["payments-api", "API:default/Payments-API", "api:payments-api"] });
    expect(rows(entity)).toEqual([
      "component:default/svc ownedBy group:default/team-a",
      "group:default/team-a ownerOf component:default/svc",
      "component:default/svc providesApi api:default/payments-api",
      "api:default/payments-api apiProvidedBy component:default/svc",
    ]);
  });

  it("deduplicates the same edge produced by two fields", () => {
    // subcomponentOf and an explicitly-kinded system both say "svc partOf component:parent".
    const entity = component({ subcomponentOf: "parent", system: "component:default/parent" });
    expect(rows(entity)).toEqual([
      "component:default/svc ownedBy group:default/team-a",
      "group:default/team-a ownerOf component:default/svc",
      "component:default/svc partOf component:default/parent",
      "component:default/parent hasPart component:default/svc",
    ]);
  });

  it("resolves bare refs in the entity's own namespace", () => {
    expect(rows(component({ owner: "team-a", system: "payments" }, "finance"))).toEqual([
      "component:finance/svc ownedBy group:finance/team-a",
      "group:finance/team-a ownerOf component:finance/svc",
      "component:finance/svc partOf system:finance/payments",
      "system:finance/payments hasPart component:finance/svc",
    ]);
  });

  it("skips refs that do not parse (validation reports them) and keeps the rest", () => {
    expect(rows(component({ dependsOn: ["no-kind", "resource:db"] }))).toEqual([
      "component:default/svc ownedBy group:default/team-a",
      "group:default/team-a ownerOf component:default/svc",
      "component:default/svc dependsOn resource:default/db",
      "resource:default/db dependencyOf component:default/svc",
    ]);
  });

  it("produces Group parent/children/members and User memberOf in the right directions", () => {
    const group: Entity = {
      apiVersion: "backstage.io/v1alpha1",
      kind: "Group",
      metadata: { name: "team-a" },
      spec: { type: "team", parent: "eng", children: ["team-a1"], members: ["jdoe"] },
    };
    expect(rows(group)).toEqual([
      "group:default/team-a childOf group:default/eng",
      "group:default/eng parentOf group:default/team-a",
      "group:default/team-a parentOf group:default/team-a1",
      "group:default/team-a1 childOf group:default/team-a",
      "group:default/team-a hasMember user:default/jdoe",
      "user:default/jdoe memberOf group:default/team-a",
    ]);
    const user: Entity = {
      apiVersion: "backstage.io/v1alpha1",
      kind: "User",
      metadata: { name: "jdoe" },
      spec: { memberOf: ["team-a"] },
    };
    expect(rows(user)).toEqual([
      "user:default/jdoe memberOf group:default/team-a",
      "group:default/team-a hasMember user:default/jdoe",
    ]);
  });

  it("ignores fields that do not produce relations for the kind", () => {
    // API has no dependsOn in Backstage's processor; Location has no ref fields at all.
    const api: Entity = {
      apiVersion: "backstage.io/v1alpha1",
      kind: "API",
      metadata: { name: "a" },
      spec: { type: "openapi", lifecycle: "production", owner: "team-a", definition: "x", dependsOn: ["component:b"] },
    };
    expect(rows(api)).toEqual([
      "api:default/a ownedBy group:default/team-a",
      "group:default/team-a ownerOf api:default/a",
    ]);
    expect(
      rows({ apiVersion: "backstage.io/v1alpha1", kind: "Location", metadata: { name: "l" }, spec: { target: "./x" } }),
    ).toEqual([]);
    expect(
      rows({ apiVersion: "example.com/v1", kind: "Pipeline", metadata: { name: "p" }, spec: { owner: "team-a" } }),
    ).toEqual([]);
  });

  it("returns nothing for an entity without spec", () => {
    expect(relationsOf({ apiVersion: "example.com/v1", kind: "Thing", metadata: { name: "t" } })).toEqual([]);
  });
});
