import { readdirSync, readFileSync } from "node:fs";
import { parseCatalogYaml } from "../parse-yaml";
import type { CatalogParseResult } from "../parse-options";
import { relationsOf } from "../relations-of";

const CORPUS_DIR = new URL("./corpus/", import.meta.url);

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith(".yaml"))
    .sort();
}

export function parseFixture(file: string): CatalogParseResult {
  return parseCatalogYaml(readFileSync(new URL(file, CORPUS_DIR), "utf8"), { sourceName: file });
}

/** "source type target" rows, sorted, so expectations read like a list of edges. */
export function relationRows(result: CatalogParseResult): Record<string, string[]> {
  return Object.fromEntries(
    result.entities.map((parsed) => [
      parsed.ref,
      relationsOf(parsed.entity)
        .map((r) => `${r.source} ${r.type} ${r.target}`)
        .sort(),
    ]),
  );
}

/** Both directions of one edge, written out so the test states each inverse name explicitly. */
export function edge(source: string, type: string, target: string, inverse: string): string[] {
  return [`${source} ${type} ${target}`, `${target} ${inverse} ${source}`];
}

/** "documentIndex|path|rule" rows, sorted. */
export function errorRows(result: CatalogParseResult): string[] {
  return result.errors.map((e) => `${e.documentIndex ?? "-"}|${e.path}|${e.rule}`).sort();
}
