import { ANNOTATION_LOCATION, ANNOTATION_ORIGIN_LOCATION } from "../annotations";
import type { ParsedEntity } from "../entity";
import type { CatalogError } from "../errors";
import type { CatalogParseOptions } from "../parse-options";
import { parseCatalogYaml } from "../parse-yaml";
import { UrlReadError } from "./fetch-url";

/**
 * How a URL is read. Plain http(s) today; a GitHub URL will be read through the GitHub
 * integration (App installation token, API instead of raw.githubusercontent.com, ETag cache)
 * once it exists: it registers a reader whose `canRead` claims github.com URLs, ahead of the
 * plain one. Readers throw UrlReadError.
 */
export type UrlReader = {
  canRead(url: URL): boolean;
  read(url: URL): Promise<string>;
};

export type ReadLocationOptions = {
  readers: UrlReader[];
  /** How many `kind: Location` hops below the registered file are followed. */
  maxDepth?: number;
  /** Files read in total, whatever the nesting. */
  maxFiles?: number;
  limits?: Omit<CatalogParseOptions, "sourceName">;
};

export type LocationReadResult = {
  /** Every valid entity, each annotated with the file that defined it and the registered root. */
  entities: ParsedEntity[];
  errors: CatalogError[];
  /** Files read, in order. */
  files: string[];
  /** The registered file itself could not be read: applying "nothing" would delete everything. */
  rootFailed: boolean;
};

export const DEFAULT_MAX_LOCATION_DEPTH = 5;
export const DEFAULT_MAX_LOCATION_FILES = 200;

function readError(sourceName: string, message: string, entityRef?: string): CatalogError {
  const error: CatalogError = { sourceName, path: "", rule: "fetch-failed", message };
  if (entityRef) error.entityRef = entityRef;
  return error;
}

function withLocationAnnotations(parsed: ParsedEntity, file: string, root: string): ParsedEntity {
  const metadata = parsed.entity.metadata;
  // Backstage sets these on everything a location produced; authors' values are overwritten.
  const annotations = { ...metadata.annotations, [ANNOTATION_LOCATION]: `url:${file}`, [ANNOTATION_ORIGIN_LOCATION]: `url:${root}` };
  return { ...parsed, entity: { ...parsed.entity, metadata: { ...metadata, annotations } } };
}

function targetsOf(parsed: ParsedEntity): { targets: string[]; type: string | undefined; optional: boolean } {
  const spec = parsed.entity.spec ?? {};
  const targets = [
    ...(typeof spec.target === "string" ? [spec.target] : []),
    ...(Array.isArray(spec.targets) ? spec.targets.filter((target): target is string => typeof target === "string") : []),
  ];
  return { targets, type: typeof spec.type === "string" ? spec.type : undefined, optional: spec.presence === "optional" };
}

function normalise(url: URL): string {
  const copy = new URL(url);
  copy.hash = "";
  return copy.href;
}

/**
 * Reads a registered location: the file at `root`, then every `kind: Location` target it names
 * (relative to the file that names it), depth- and count-limited and cycle-safe. A file that
 * cannot be read is reported and skipped (silently when its Location says `presence: optional`);
 * entities that more than one file defines are kept once and reported.
 */
export async function readLocation(root: string, options: ReadLocationOptions): Promise<LocationReadResult> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_LOCATION_DEPTH;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_LOCATION_FILES;
  const rootUrl = normalise(new URL(root));
  const queue: { url: string; depth: number; optional: boolean; via?: string }[] = [{ url: rootUrl, depth: 0, optional: false }];
  const visited = new Set<string>([rootUrl]);
  const entities: ParsedEntity[] = [];
  const definedIn = new Map<string, string>();
  const errors: CatalogError[] = [];
  const files: string[] = [];
  let rootFailed = false;

  for (let next = queue.shift(); next; next = queue.shift()) {
    const url = new URL(next.url);
    const reader = options.readers.find((candidate) => candidate.canRead(url));
    let text: string;
    try {
      if (!reader) throw new UrlReadError(`${url.href}: no reader for ${url.protocol.replace(":", "")} URLs; use http or https`);
      text = await reader.read(url);
    } catch (error) {
      if (next.depth === 0) rootFailed = true;
      const notFound = error instanceof UrlReadError && error.notFound;
      if (!(notFound && next.optional)) errors.push(readError(next.via ?? next.url, error instanceof Error ? error.message : String(error)));
      continue;
    }
    files.push(next.url);
    const parsed = parseCatalogYaml(text, { ...options.limits, sourceName: next.url });
    errors.push(...parsed.errors);
    for (const entity of parsed.entities) {
      const earlier = definedIn.get(entity.ref);
      if (earlier) {
        errors.push({ ...readError(next.url, `${entity.ref} is already defined in ${earlier}; it is kept from there. Remove one of the two.`, entity.ref), rule: "duplicate-entity" });
        continue;
      }
      definedIn.set(entity.ref, next.url);
      entities.push(withLocationAnnotations(entity, next.url, rootUrl));
      if (entity.entity.kind.toLowerCase() !== "location") continue;

      const { targets, type, optional } = targetsOf(entity);
      if (type && type !== "url") {
        errors.push(readError(next.url, `${entity.ref} has spec.type "${type}"; only "url" locations are read (targets relative to this file are fine)`, entity.ref));
        continue;
      }
      for (const target of targets) {
        let resolved: string;
        try {
          resolved = normalise(new URL(target, url));
        } catch {
          errors.push(readError(next.url, `${entity.ref}: target "${target}" is neither a URL nor a path relative to this file`, entity.ref));
          continue;
        }
        if (visited.has(resolved)) continue; // a cycle or a second mention: read once
        if (next.depth + 1 > maxDepth) {
          errors.push(readError(next.url, `${entity.ref}: ${resolved} is nested more than ${maxDepth} locations deep and was not read`, entity.ref));
          continue;
        }
        if (visited.size >= maxFiles) {
          errors.push(readError(next.url, `${entity.ref}: ${resolved} was not read; a location may read at most ${maxFiles} files`, entity.ref));
          continue;
        }
        visited.add(resolved);
        queue.push({ url: resolved, depth: next.depth + 1, optional });
      }
    }
  }
  return { entities, errors, files, rootFailed };
}
