import { describe, expect, it } from "vitest";
import {
  isValidAnnotationKey,
  isValidApiVersion,
  isValidEntityName,
  isValidKind,
  isValidLabelValue,
  isValidNamespace,
  isValidTag,
  isValidUrl,
} from "./field-formats";

const long = (n: number) => "a".repeat(n);

describe("Backstage field formats", () => {
  it.each([
    ["artist-web", true],
    ["LoremService", true],
    ["a.b_c-d", true],
    ["a--b", true], // Backstage's validator allows repeated separators (its docs are stricter)
    ["x", true],
    [long(63), true],
    [long(64), false],
    ["", false],
    ["-a", false],
    ["a-", false],
    ["a b", false],
    ["a/b", false],
    ["a:b", false],
    ["ä", false],
  ])("entity name %j → %s", (value, ok) => {
    expect(isValidEntityName(value)).toBe(ok);
  });

  it.each([
    ["default", true],
    ["team-a", true],
    ["Team-A", false],
    ["team_a", false],
    ["team--a", false],
    [long(64), false],
  ])("namespace %j → %s", (value, ok) => {
    expect(isValidNamespace(value)).toBe(ok);
  });

  it.each([
    ["Component", true],
    ["API", true],
    ["MyKind2", true],
    ["1Kind", false],
    ["My-Kind", false],
    [long(64), false],
  ])("kind %j → %s", (value, ok) => {
    expect(isValidKind(value)).toBe(ok);
  });

  it.each([
    ["backstage.io/v1alpha1", true],
    ["scaffolder.backstage.io/v1beta3", true],
    ["v1", true],
    ["backstage.io/v1/alpha1", false],
    ["Backstage.io/v1", false],
    ["backstage.io/v1-alpha", false],
    ["backstage.io/", false],
  ])("apiVersion %j → %s", (value, ok) => {
    expect(isValidApiVersion(value)).toBe(ok);
  });

  it.each([
    ["github.com/project-slug", true],
    ["backstage.io/techdocs-ref", true],
    ["datadoghq.com/slo_tag", true],
    ["simple", true],
    ["a/b/c", false],
    ["Example.com/x", false],
    ["example.com/", false],
    ["/x", false],
    [`example.com/${long(64)}`, false],
  ])("annotation/label key %j → %s", (value, ok) => {
    expect(isValidAnnotationKey(value)).toBe(ok);
  });

  it.each([
    ["", true],
    ["Value_1.x", true],
    ["has space", false],
    ["-lead", false],
  ])("label value %j → %s", (value, ok) => {
    expect(isValidLabelValue(value)).toBe(ok);
  });

  it.each([
    ["java", true],
    ["c++", true],
    ["c#", true],
    ["team:artists", true],
    ["a-b-c", true],
    ["Java", false],
    ["a_b", false],
    ["a--b", false],
    ["-a", false],
    ["a.b", false],
    [long(63), true],
    [long(64), false],
  ])("tag %j → %s", (value, ok) => {
    expect(isValidTag(value)).toBe(ok);
  });

  it.each([
    ["https://example.com", true],
    ["mailto:team@example.com", true],
    ["example.com", false],
    ["/relative", false],
  ])("url %j → %s", (value, ok) => {
    expect(isValidUrl(value)).toBe(ok);
  });

  it("rejects non-strings everywhere", () => {
    for (const check of [
      isValidEntityName,
      isValidNamespace,
      isValidKind,
      isValidApiVersion,
      isValidAnnotationKey,
      isValidTag,
      isValidUrl,
    ]) {
      expect(check(42)).toBe(false);
      expect(check(null)).toBe(false);
    }
  });
});
