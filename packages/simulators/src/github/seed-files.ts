import { makeFile, type RepoFile } from "./model";
import type { Random } from "./random";
import type { RepoKind } from "./seed-vocabulary";

// File contents for seeded repositories: README, a language manifest, CODEOWNERS and Backstage
// catalog files (single, multi-document, or a Location pointing at files elsewhere in the repo).
// YAML is written by hand: the shapes are fixed, and it keeps the seed fast at 10,000 repos.

export type CatalogMode = "none" | "component" | "multi" | "location" | "invalid";

/** What the seed decided about one repository before any file is written (pass one). */
export type RepoPlan = {
  org: string;
  name: string;
  domain: string;
  kind: RepoKind;
  language: string | null;
  description: string;
  topics: string[];
  ownerTeam: string;
  /** How catalog-info.yaml refers to the owner: the formats real catalogs mix. */
  ownerRef: string;
  catalog: CatalogMode;
  /** Set when this repo's catalog also declares the domain's System entity. */
  declaresSystem: boolean;
  systemOwner: string;
  providesApi: boolean;
  hasResource: boolean;
  techdocs: boolean;
  archived: boolean;
  codeowners: string[] | null;
  dependsOn: string[];
  consumesApis: string[];
};

// Plain (unquoted) scalars as people write them; anything YAML could misread gets JSON quotes.
const PLAIN = /^[A-Za-z0-9./][^\n"'{}[\]&*!|>%@`#]*$/;
const YAML_WORDS = new Set(["true", "false", "yes", "no", "on", "off", "null", "y", "n"]);

function yamlScalar(value: string): string {
  const risky = value.includes(": ") || value.endsWith(":") || value.endsWith(" ") || YAML_WORDS.has(value.toLowerCase()) || /^[\d.]+$/.test(value);
  if (PLAIN.test(value) && !risky) return value;
  return JSON.stringify(value);
}

function yamlList(indent: string, values: string[]): string {
  return values.map((value) => `${indent}- ${yamlScalar(value)}`).join("\n");
}

export function tagFor(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9:+#]+/g, "-").replace(/^-+|-+$/g, "");
}

function lifecycle(plan: RepoPlan): string {
  if (plan.archived) return "deprecated";
  return plan.name.includes("poc") || plan.name.startsWith("next-") ? "experimental" : "production";
}

function componentDoc(plan: RepoPlan): string {
  const tags = [...new Set([plan.domain, ...(plan.language ? [tagFor(plan.language)] : []), ...plan.topics.slice(0, 3)].map(tagFor))].filter(Boolean);
  const lines = [
    "apiVersion: backstage.io/v1alpha1",
    "kind: Component",
    "metadata:",
    `  name: ${yamlScalar(plan.name)}`,
    `  description: ${yamlScalar(plan.description)}`,
    "  annotations:",
    `    github.com/project-slug: ${plan.org}/${plan.name}`,
  ];
  if (plan.techdocs) lines.push("    backstage.io/techdocs-ref: dir:.");
  lines.push("  tags:", yamlList("    ", tags));
  lines.push("spec:", `  type: ${plan.kind.componentType}`, `  lifecycle: ${lifecycle(plan)}`, `  owner: ${yamlScalar(plan.ownerRef)}`, `  system: ${plan.domain}`);
  if (plan.providesApi) lines.push("  providesApis:", `    - ${plan.name}-api`);
  if (plan.consumesApis.length > 0) lines.push("  consumesApis:", yamlList("    ", plan.consumesApis));
  const dependsOn = [...(plan.hasResource ? [`resource:default/${plan.name}-db`] : []), ...plan.dependsOn.map((name) => `component:default/${name}`)];
  if (dependsOn.length > 0) lines.push("  dependsOn:", yamlList("    ", dependsOn));
  return lines.join("\n");
}

function apiDoc(plan: RepoPlan, inline: boolean): string {
  const lines = [
    "apiVersion: backstage.io/v1alpha1",
    "kind: API",
    "metadata:",
    `  name: ${plan.name}-api`,
    `  description: ${yamlScalar(`API exposed by ${plan.name}`)}`,
    "spec:",
    "  type: openapi",
    `  lifecycle: ${lifecycle(plan)}`,
    `  owner: ${yamlScalar(plan.ownerRef)}`,
    `  system: ${plan.domain}`,
  ];
  if (inline) lines.push("  definition: |", ...openApi(plan).split("\n").map((line) => `    ${line}`));
  else lines.push("  definition:", "    $text: ./openapi.yaml");
  return lines.join("\n");
}

function resourceDoc(plan: RepoPlan): string {
  return [
    "apiVersion: backstage.io/v1alpha1",
    "kind: Resource",
    "metadata:",
    `  name: ${plan.name}-db`,
    `  description: ${yamlScalar(`Primary database of ${plan.name}`)}`,
    "spec:",
    "  type: database",
    `  owner: ${yamlScalar(plan.ownerRef)}`,
    `  system: ${plan.domain}`,
  ].join("\n");
}

function systemDoc(plan: RepoPlan): string {
  return [
    "apiVersion: backstage.io/v1alpha1",
    "kind: System",
    "metadata:",
    `  name: ${plan.domain}`,
    `  description: ${yamlScalar(`Everything that makes up ${plan.domain}`)}`,
    "spec:",
    `  owner: group:default/${plan.systemOwner}`,
  ].join("\n");
}

function openApi(plan: RepoPlan): string {
  return [
    "openapi: 3.0.3",
    "info:",
    `  title: ${yamlScalar(`${plan.name} API`)}`,
    "  version: 1.0.0",
    "paths:",
    `  /${plan.domain}:`,
    "    get:",
    `      summary: ${yamlScalar(`List ${plan.domain}`)}`,
    "      responses:",
    '        "200":',
    "          description: OK",
  ].join("\n");
}

function documents(docs: string[]): string {
  return `${docs.join("\n---\n")}\n`;
}

/** catalog-info.yaml and any files it points at, by catalog mode. */
function catalogFiles(plan: RepoPlan, random: Random): RepoFile[] {
  const extras = [...(plan.declaresSystem ? [systemDoc(plan)] : [])];
  switch (plan.catalog) {
    case "none":
      return [];
    case "component":
      return [makeFile("catalog-info.yaml", documents([componentDoc(plan), ...extras]))];
    case "multi": {
      const inline = random.chance(0.5);
      const docs = [componentDoc(plan), ...(plan.providesApi ? [apiDoc(plan, inline)] : []), ...(plan.hasResource ? [resourceDoc(plan)] : []), ...extras];
      const files = [makeFile("catalog-info.yaml", documents(docs))];
      if (plan.providesApi && !inline) files.push(makeFile("openapi.yaml", `${openApi(plan)}\n`));
      return files;
    }
    case "location": {
      const targets = ["./catalog/component.yaml", ...(plan.providesApi || plan.hasResource ? ["./catalog/api.yaml"] : [])];
      const location = [
        "apiVersion: backstage.io/v1alpha1",
        "kind: Location",
        "metadata:",
        `  name: ${plan.name}-catalog`,
        `  description: ${yamlScalar(`Catalog entities of ${plan.name}, kept under ./catalog`)}`,
        "spec:",
        "  targets:",
        yamlList("    ", targets),
      ].join("\n");
      const files = [makeFile("catalog-info.yaml", documents([location, ...extras])), makeFile("catalog/component.yaml", documents([componentDoc(plan)]))];
      const rest = [...(plan.providesApi ? [apiDoc(plan, false)] : []), ...(plan.hasResource ? [resourceDoc(plan)] : [])];
      if (rest.length > 0) files.push(makeFile("catalog/api.yaml", documents(rest)));
      if (plan.providesApi) files.push(makeFile("catalog/openapi.yaml", `${openApi(plan)}\n`));
      return files;
    }
    case "invalid":
      // A file Backstage would reject (no spec.owner, bad indentation), so error reporting has
      // something to show.
      return [makeFile("catalog-info.yaml", `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${plan.name}\n   description: broken indentation\nspec:\n  type: service\n`)];
  }
}

const MANIFESTS: Record<string, (name: string) => [string, string]> = {
  Go: (name) => ["go.mod", `module github.com/${name}\n\ngo 1.22\n`],
  TypeScript: (name) => ["package.json", `${JSON.stringify({ name, private: true, scripts: { build: "tsc", test: "vitest" } }, null, 2)}\n`],
  JavaScript: (name) => ["package.json", `${JSON.stringify({ name, private: true, scripts: { start: "node index.js" } }, null, 2)}\n`],
  Python: (name) => ["pyproject.toml", `[project]\nname = "${name}"\nversion = "0.1.0"\nrequires-python = ">=3.11"\n`],
  Java: (name) => ["pom.xml", `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <artifactId>${name}</artifactId>\n  <version>1.0.0</version>\n</project>\n`],
  Kotlin: (name) => ["build.gradle.kts", `plugins { kotlin("jvm") version "2.0.0" }\nrootProject.name = "${name}"\n`],
  Rust: (name) => ["Cargo.toml", `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n`],
  Ruby: () => ["Gemfile", `source "https://rubygems.org"\ngem "rails", "~> 7.1"\n`],
  HCL: (name) => ["main.tf", `module "${name.replace(/-/g, "_")}" {\n  source = "./modules/service"\n}\n`],
  Swift: (name) => ["Package.swift", `// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: "${name}")\n`],
};

export function repoFiles(plan: RepoPlan, random: Random): RepoFile[] {
  const files: RepoFile[] = [makeFile("README.md", `# ${plan.name}\n\n${plan.description}.\n\nOwned by @${plan.org}/${plan.ownerTeam}.\n`)];
  const manifest = plan.language ? MANIFESTS[plan.language] : undefined;
  if (manifest) {
    const [path, content] = manifest(plan.name);
    files.push(makeFile(path, content));
  }
  if (plan.kind.componentType === "service" || plan.kind.componentType === "worker") {
    files.push(makeFile("Dockerfile", `FROM gcr.io/distroless/base\nCOPY ./bin/${plan.name} /app\nENTRYPOINT ["/app"]\n`));
  }
  if (plan.techdocs) {
    files.push(makeFile("mkdocs.yml", `site_name: ${plan.name}\nnav:\n  - Home: index.md\nplugins:\n  - techdocs-core\n`));
    files.push(makeFile("docs/index.md", `# ${plan.name}\n\n${plan.description}.\n`));
  }
  if (plan.codeowners) {
    const [first, ...others] = plan.codeowners;
    const lines = ["# Code owners: the first matching rule from the bottom wins.", `*       ${first}`];
    if (others.length > 0) lines.push(`/docs/  ${others.join(" ")}`);
    files.push(makeFile(".github/CODEOWNERS", `${lines.join("\n")}\n`));
  }
  return [...files, ...catalogFiles(plan, random)];
}

/** catalog-info.yaml for a repository created later through the control API. */
export function simpleCatalogFile(plan: Pick<RepoPlan, "org" | "name" | "description" | "ownerRef" | "domain">): string {
  return documents([
    [
      "apiVersion: backstage.io/v1alpha1",
      "kind: Component",
      "metadata:",
      `  name: ${yamlScalar(plan.name)}`,
      `  description: ${yamlScalar(plan.description)}`,
      "  annotations:",
      `    github.com/project-slug: ${plan.org}/${plan.name}`,
      "spec:",
      "  type: service",
      "  lifecycle: production",
      `  owner: ${yamlScalar(plan.ownerRef)}`,
      `  system: ${plan.domain}`,
    ].join("\n"),
  ]);
}
