import { describe, expect, it } from "vitest";
import {
  getCompoundEntityRef,
  InvalidEntityRefError,
  isSameEntityRef,
  parseEntityRef,
  stringifyEntityRef,
  tryParseEntityRef,
} from "./entity-ref";
import { defaultKindForField } from "./ref-fields";

describe("parseEntityRef", () => {
  it("parses the full form and keeps the case as written", () => {
    expect(parseEntityRef("Component:Finance/Ledger")).toEqual({
      kind: "Component",
      namespace: "Finance",
      name: "Ledger",
    });
  });

  it("fills in the default kind and namespace", () => {
    expect(parseEntityRef("team-a", { defaultKind: "Group" })).toEqual({
      kind: "Group",
      namespace: "default",
      name: "team-a",
    });
    expect(parseEntityRef("team-a", { defaultKind: "Group", defaultNamespace: "finance" })).toEqual({
      kind: "Group",
      namespace: "finance",
      name: "team-a",
    });
    expect(parseEntityRef("billing/team-a", { defaultKind: "Group", defaultNamespace: "finance" })).toEqual({
      kind: "Group",
      namespace: "billing",
      name: "team-a",
    });
  });

  it("prefers a written kind over the default", () => {
    expect(parseEntityRef("user:jdoe", { defaultKind: "Group" })).toEqual({
      kind: "user",
      namespace: "default",
      name: "jdoe",
    });
  });

  it("treats a colon after the namespace slash as part of the name, like Backstage", () => {
    expect(parseEntityRef("default/foo:bar", { defaultKind: "Component" })).toEqual({
      kind: "Component",
      namespace: "default",
      name: "foo:bar",
    });
    expect(parseEntityRef("component:default/foo:bar")).toEqual({
      kind: "component",
      namespace: "default",
      name: "foo:bar",
    });
    expect(parseEntityRef("component:ns/a/b")).toEqual({ kind: "component", namespace: "ns", name: "a/b" });
  });

  it("accepts the object form, with defaults", () => {
    expect(parseEntityRef({ kind: "API", name: "payments-api" })).toEqual({
      kind: "API",
      namespace: "default",
      name: "payments-api",
    });
    expect(parseEntityRef({ name: "jdoe" }, { defaultKind: "User", defaultNamespace: "people" })).toEqual({
      kind: "User",
      namespace: "people",
      name: "jdoe",
    });
  });

  it("trims surrounding whitespace", () => {
    expect(parseEntityRef("  group:team-a ")).toEqual({ kind: "group", namespace: "default", name: "team-a" });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["group:", "no name"],
    [":team-a", "empty kind"],
    ["group:/team-a", "empty namespace"],
    ["/team-a", "empty namespace"],
    ["default/", "no name"],
  ])("rejects %j (%s)", (ref, reason) => {
    expect(() => parseEntityRef(ref, { defaultKind: "Group" })).toThrow(InvalidEntityRefError);
    expect(() => parseEntityRef(ref, { defaultKind: "Group" })).toThrow(reason);
  });

  it("rejects a ref without kind when the field has no default kind", () => {
    expect(() => parseEntityRef("artists-db")).toThrow(/has no kind/);
    expect(() => parseEntityRef("artists-db")).toThrow(/"resource:artists-db"/);
  });

  it("rejects malformed object refs and non-refs", () => {
    expect(() => parseEntityRef({ kind: "", name: "x" })).toThrow(InvalidEntityRefError);
    expect(() => parseEntityRef({ kind: "Group", namespace: "", name: "x" })).toThrow(InvalidEntityRefError);
    expect(() => parseEntityRef({ kind: "Group", name: "" })).toThrow(InvalidEntityRefError);
    expect(() => parseEntityRef(42 as unknown as string)).toThrow(InvalidEntityRefError);
    expect(() => parseEntityRef(null as unknown as string)).toThrow(InvalidEntityRefError);
  });

  it("has a non-throwing variant", () => {
    expect(tryParseEntityRef("group:team-a")).toEqual({
      ok: true,
      ref: { kind: "group", namespace: "default", name: "team-a" },
    });
    const failed = tryParseEntityRef("group:");
    expect(failed.ok).toBe(false);
  });
});

describe("stringifyEntityRef", () => {
  it("produces lowercase kind:namespace/name", () => {
    expect(stringifyEntityRef({ kind: "Component", namespace: "Finance", name: "Ledger_Service.V2" })).toBe(
      "component:finance/ledger_service.v2",
    );
  });

  it("defaults the namespace", () => {
    expect(stringifyEntityRef({ kind: "Group", name: "team-a" })).toBe("group:default/team-a");
  });

  it("accepts an entity", () => {
    const entity = { kind: "API", metadata: { name: "Payments-API" } };
    expect(stringifyEntityRef(entity)).toBe("api:default/payments-api");
    expect(getCompoundEntityRef(entity)).toEqual({ kind: "API", namespace: "default", name: "Payments-API" });
  });

  it("round-trips through parseEntityRef", () => {
    const key = "component:finance/ledger";
    expect(stringifyEntityRef(parseEntityRef(key))).toBe(key);
  });

  it("refuses a ref without kind", () => {
    expect(() => stringifyEntityRef({ name: "x" })).toThrow(InvalidEntityRefError);
  });
});

describe("isSameEntityRef", () => {
  it("compares case-insensitively with defaults applied", () => {
    expect(isSameEntityRef("Component:Default/Payments", "component:default/payments")).toBe(true);
    expect(isSameEntityRef("team-a", "GROUP:default/TEAM-A", { defaultKind: "Group" })).toBe(true);
    expect(isSameEntityRef({ kind: "Group", name: "team-a" }, "group:team-a")).toBe(true);
    expect(isSameEntityRef("group:team-a", "user:team-a")).toBe(false);
    expect(isSameEntityRef("group:a/team", "group:b/team")).toBe(false);
  });
});

describe("per-field default kinds (Backstage's BuiltinKindsEntityProcessor)", () => {
  it.each([
    ["Component", "owner", "Group"],
    ["Component", "system", "System"],
    ["Component", "subcomponentOf", "Component"],
    ["Component", "providesApis", "API"],
    ["Component", "consumesApis", "API"],
    ["Component", "dependsOn", undefined],
    ["Component", "dependencyOf", undefined],
    ["API", "owner", "Group"],
    ["API", "system", "System"],
    ["Resource", "dependsOn", undefined],
    ["System", "domain", "Domain"],
    ["Domain", "subdomainOf", "Domain"],
    ["Group", "parent", "Group"],
    ["Group", "children", "Group"],
    ["Group", "members", "User"],
    ["User", "memberOf", "Group"],
    ["Template", "owner", "Group"],
    ["Pipeline", "owner", undefined],
  ])("%s spec.%s → %s", (kind, field, expected) => {
    expect(defaultKindForField(kind, field)).toBe(expected);
  });
});
