import { describeValue, formatPath, type PathSegment } from "./errors";
import type { FieldChecker } from "./field-checker";
import {
  isNonEmptyString,
  isPlainObject,
  isValidAnnotationKey,
  isValidEntityName,
  isValidLabelKey,
  isValidLabelValue,
  isValidNamespace,
  isValidObjectName,
  isValidTag,
  isValidUrl,
} from "./field-formats";

const META: PathSegment[] = ["metadata"];

/** The rule texts, phrased as instructions, reused wherever the same format applies. */
export const FORMAT_RULES = {
  name: 'use 1-63 letters or digits, optionally joined by "-", "_" or ".", starting and ending with a letter or digit (e.g. "payments-api")',
  namespace: 'use 1-63 lowercase letters or digits separated by single "-" (e.g. "payments")',
  key: 'use an optional DNS-style prefix and "/", then 1-63 letters or digits joined by "-", "_" or "." (e.g. "example.com/team" or "team")',
  labelValue: 'use an empty string or 1-63 letters or digits joined by "-", "_" or "." (e.g. "payments")',
  tag: 'use 1-63 lowercase letters, digits or ":+#", with single "-" between words (e.g. "java" or "team-a")',
} as const;

/**
 * Checks `metadata` and returns it when it is at least an object with a string name, so the
 * caller can name the entity in errors even when other fields are wrong.
 */
export function checkMetadata(metadata: unknown, check: FieldChecker): Record<string, unknown> | undefined {
  if (metadata === undefined || metadata === null) {
    check.report(META, "required", 'metadata is missing but is required; add "metadata:" with at least a "name".');
    return undefined;
  }
  if (!isPlainObject(metadata)) {
    check.typeError(META, metadata, "an object with at least a name");
    return undefined;
  }

  const name = check.string(metadata, META, "name", {
    required: true,
    hint: `Give the entity a name: ${FORMAT_RULES.name}.`,
  });
  if (name !== undefined && !isValidEntityName(name)) {
    check.report(
      [...META, "name"],
      "entity-name",
      `metadata.name ${describeValue(name)}${lengthNote(name)} is not a valid entity name: ${FORMAT_RULES.name}.`,
    );
  }

  const namespace = check.string(metadata, META, "namespace", { hint: 'Leave it out to use "default".' });
  if (namespace !== undefined && !isValidNamespace(namespace)) {
    check.report(
      [...META, "namespace"],
      "namespace",
      `metadata.namespace ${describeValue(namespace)} is not a valid namespace: ${FORMAT_RULES.namespace}.`,
    );
  }

  // Display text: any string, even empty, as Backstage's schema allows.
  for (const field of ["title", "description"]) {
    const value = metadata[field];
    if (value !== undefined && typeof value !== "string") check.typeError([...META, field], value, "a string");
  }

  checkKeyValues(metadata, "labels", check);
  checkKeyValues(metadata, "annotations", check);
  checkTags(metadata, check);
  checkLinks(metadata, check);
  checkServerFields(metadata, check);
  return metadata;
}

/** Over-long values look fine at a glance; say why they fail. */
function lengthNote(value: string): string {
  return value.length > 63 ? ` (${value.length} characters, the limit is 63)` : "";
}

function checkKeyValues(metadata: Record<string, unknown>, field: "labels" | "annotations", check: FieldChecker): void {
  const map = check.object(metadata, META, field);
  if (!map) return;
  const isLabel = field === "labels";
  for (const [key, value] of Object.entries(map)) {
    const path = [...META, field, key];
    const validKey = isLabel ? isValidLabelKey(key) : isValidAnnotationKey(key);
    if (!validKey) {
      check.report(
        path,
        isLabel ? "label-key" : "annotation-key",
        `${isLabel ? "Label" : "Annotation"} key ${describeValue(key)} is not valid: ${FORMAT_RULES.key}.`,
      );
    }
    if (typeof value !== "string") {
      // YAML reads `enabled: true` or `port: 8080` as a boolean or number; Backstage wants strings.
      const quoted = typeof value === "number" || typeof value === "boolean" ? ` Quote it: "${String(value)}".` : "";
      check.typeError(path, value, "a string", quoted.trim());
    } else if (isLabel && !isValidLabelValue(value)) {
      check.report(
        path,
        "label-value",
        `${formatPath(path)} value ${describeValue(value)} is not a valid label value: ${FORMAT_RULES.labelValue}.`,
      );
    }
  }
}

function checkTags(metadata: Record<string, unknown>, check: FieldChecker): void {
  const tags = metadata.tags;
  if (tags === undefined) return;
  const path = [...META, "tags"];
  if (!Array.isArray(tags)) {
    check.typeError(path, tags, "a list of tags", 'Write it as "tags: [java, team-a]".');
    return;
  }
  tags.forEach((tag: unknown, index) => {
    const tagPath = [...path, index];
    if (typeof tag !== "string") {
      check.typeError(tagPath, tag, "a string");
    } else if (!isValidTag(tag)) {
      check.report(
        tagPath,
        "tag",
        `${formatPath(tagPath)} ${describeValue(tag)}${lengthNote(tag)} is not a valid tag: ${FORMAT_RULES.tag}.`,
      );
    }
  });
}

function checkLinks(metadata: Record<string, unknown>, check: FieldChecker): void {
  const links = metadata.links;
  if (links === undefined) return;
  const path = [...META, "links"];
  if (!Array.isArray(links)) {
    check.typeError(path, links, "a list of links", 'Write each link as "- url: https://...".');
    return;
  }
  links.forEach((link: unknown, index) => {
    const linkPath = [...path, index];
    if (!isPlainObject(link)) {
      check.typeError(
        linkPath,
        link,
        "an object with a url",
        'Write it as "- url: https://..." with optional title, icon and type.',
      );
      return;
    }
    const url = check.string(link, linkPath, "url", {
      required: true,
      hint: 'Give the absolute URL, e.g. "https://grafana.example.com/d/abc".',
    });
    if (url !== undefined && !isValidUrl(url)) {
      check.report(
        [...linkPath, "url"],
        "url",
        `${formatPath([...linkPath, "url"])} ${describeValue(url)} is not an absolute URL; include the scheme, e.g. "https://${url.replace(/^\/+/, "")}".`,
      );
    }
    check.string(link, linkPath, "title");
    check.string(link, linkPath, "type");
    const icon = link.icon;
    if (icon !== undefined) {
      if (typeof icon !== "string") {
        check.typeError([...linkPath, "icon"], icon, "a string");
      } else if (!isValidObjectName(icon)) {
        check.report(
          [...linkPath, "icon"],
          "link-icon",
          `${formatPath([...linkPath, "icon"])} ${describeValue(icon)} is not a valid icon key: ${FORMAT_RULES.labelValue.replace("an empty string or ", "")}.`,
        );
      }
    }
  });
}

/** uid, etag and generation are server output; accepted when present so exports round-trip. */
function checkServerFields(metadata: Record<string, unknown>, check: FieldChecker): void {
  for (const field of ["uid", "etag"]) {
    const value = metadata[field];
    if (value !== undefined && !isNonEmptyString(value))
      check.typeError([...META, field], value, "a non-empty string", "Or leave it out; the catalog sets it.");
  }
  const generation = metadata.generation;
  if (generation !== undefined && !(Number.isInteger(generation) && (generation as number) >= 1)) {
    check.typeError([...META, "generation"], generation, "a positive integer", "Or leave it out; the catalog sets it.");
  }
}
