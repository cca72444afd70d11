/**
 * For files with problems: which entities are still accepted ("index:ref") and every error as
 * "documentIndex|path|rule". Written by hand from Backstage's rules.
 */
export interface InvalidExpectation {
  accepted: string[];
  errors: string[];
}

export const INVALID_EXPECTATIONS: Record<string, InvalidExpectation> = {
  "invalid-names.yaml": {
    accepted: ["6:component:default/artist-web"],
    errors: [
      "0|metadata.name|entity-name",
      "1|metadata.name|entity-name",
      "2|metadata.namespace|namespace",
      "3|kind|kind",
      "4|apiVersion|api-version",
      "5|metadata.name|entity-name",
    ],
  },
  "invalid-tags.yaml": {
    accepted: [],
    errors: [
      "0|metadata.tags[1]|tag",
      "0|metadata.tags[2]|tag",
      "0|metadata.tags[3]|tag",
      "0|metadata.tags[4]|type",
      "0|metadata.tags[5]|tag",
    ],
  },
  "invalid-annotations-labels.yaml": {
    accepted: [],
    errors: [
      '0|metadata.labels["bad value label"]|label-key',
      "0|metadata.labels.tier|label-value",
      "0|metadata.labels.enabled|type",
      '0|metadata.annotations["a/b/c"]|annotation-key',
      '0|metadata.annotations["Example.com/upper-prefix"]|annotation-key',
      '0|metadata.annotations["pagerduty.com/service-id"]|type',
    ],
  },
  "missing-required.yaml": {
    accepted: [],
    errors: [
      "0|spec.lifecycle|required",
      "1|spec.definition|required",
      "2|spec.children|required",
      "3|spec.memberOf|required",
      "4|spec.type|required",
      "5|spec.owner|required",
      "6|spec.owner|required",
      "7|spec.steps|required",
      "8|spec|required",
      "9|metadata|required",
      "10|apiVersion|required",
      "11|spec.steps[0].action|required",
    ],
  },
  "malformed-middle.yaml": {
    accepted: ["0:component:default/before-the-break", "2:component:default/after-the-break"],
    errors: ["1||yaml-syntax"],
  },
  "wrong-types.yaml": {
    accepted: [],
    errors: [
      "0|metadata.tags|type",
      "0|spec.owner|type",
      "0|spec.providesApis|type",
      "1|metadata.links[0].url|required",
      "1|metadata.links[1].url|url",
      "1|metadata.links[2].icon|link-icon",
      "2|metadata|type",
      "2|spec|required",
      "3|spec|type",
      "4||not-an-object",
      "5||not-an-object",
      "6|spec.children|type",
      "6|spec.members[1]|type",
    ],
  },
  "invalid-refs.yaml": {
    accepted: [],
    errors: [
      "0|spec.dependsOn[0]|entity-ref",
      "0|spec.dependencyOf[0]|entity-ref",
      "1|spec.owner|entity-ref",
      "1|spec.system|entity-ref",
      "1|spec.providesApis[0]|entity-ref",
      "2|spec.dependsOn[0]|entity-ref",
    ],
  },
  "envelope-rules.yaml": {
    accepted: [],
    errors: [
      "0|owner|unknown-field",
      "1|kind|kind",
      "2|apiVersion|api-version",
      "3|apiVersion|api-version",
      "4|metadata.name|entity-name",
      "5|spec.presence|enum",
      "6|spec.definition.$text|type",
    ],
  },
  "duplicates.yaml": {
    accepted: ["0:component:default/payments", "2:system:default/payments"],
    errors: ["1|metadata.name|duplicate-entity"],
  },
};
