import { parseCatalogYaml, type CatalogError } from "@greenroom/catalog";
import type { Octokit } from "@octokit/rest";

import { filesQuery, type FileRequest, type FilesResponse } from "./queries";
import { budgetOf } from "./teams";

// `kind: Location` documents in catalog files: their targets (paths relative to the file, or
// URLs of files in the same organization's repositories) are read and imported too, as
// Backstage does. Reading goes level by level, every file of a level in one GraphQL request, so
// a page of repositories costs one extra request per nesting level, not one per file. Bounded
// in depth and count; a cycle or a second mention reads a file once; a missing target is an
// error of the run, never a failure of it.

export const MAX_LOCATION_DEPTH = 5;
/** Files read below one catalog file. */
export const MAX_LOCATION_FILES = 100;
/** Files read in one step (one page of repositories), whatever the roots. */
const MAX_FILES_PER_STEP = 500;
const FILES_PER_REQUEST = 50;

/** A catalog file's text and its GitHub URL (`https://github.com/<org>/<repo>/blob/<ref>/<path>`). */
export type CatalogFile = { yaml: string; location: string };

export type FollowedLocations = { files: CatalogFile[]; errors: CatalogError[]; requests: number; budgetUsed: number };

type FileAddress = FileRequest & { key: string };
type Pending = { url: string; address: FileAddress; depth: number; root: number; optional: boolean; via: string; locationRef: string };

/** Reads `/<owner>/<repo>/blob|tree/<ref>/<path>` on the same host as the referring file. */
export function githubFileAddress(url: URL, origin: string): FileAddress | null {
  if (url.origin !== origin) return null;
  let parts: string[];
  try {
    parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
  if (parts.length < 5 || (parts[2] !== "blob" && parts[2] !== "tree")) return null;
  const [owner, name, , ref] = parts as [string, string, string, string];
  const path = parts.slice(4).join("/");
  return { owner, name, expression: `${ref}:${path}`, key: `${owner}/${name}@${ref}:${path}`.toLowerCase() };
}

function fetchFailed(via: string, entityRef: string, message: string): CatalogError {
  return { sourceName: via, entityRef, path: "spec.targets", rule: "fetch-failed", message };
}

/** The Location documents of a file and their targets (only files that mention the kind are parsed). */
function locationsIn(file: CatalogFile): { ref: string; type: string | undefined; optional: boolean; targets: string[] }[] {
  if (!/^\s*kind:\s*["']?location["']?\s*$/im.test(file.yaml)) return [];
  return parseCatalogYaml(file.yaml, { sourceName: file.location })
    .entities.filter((parsed) => parsed.entity.kind.toLowerCase() === "location")
    .map((parsed) => {
      const spec = parsed.entity.spec ?? {};
      const targets = [
        ...(typeof spec.target === "string" ? [spec.target] : []),
        ...(Array.isArray(spec.targets) ? spec.targets.filter((target): target is string => typeof target === "string") : []),
      ];
      return { ref: parsed.ref, type: typeof spec.type === "string" ? spec.type : undefined, optional: spec.presence === "optional", targets };
    });
}

/** Reads the files of one level in as few requests as possible; a missing repository or file is undefined. */
async function readFiles(octokit: Octokit, files: FileAddress[]): Promise<{ texts: (string | undefined)[]; requests: number; budgetUsed: number }> {
  const texts: (string | undefined)[] = [];
  let requests = 0;
  let budgetUsed = 0;
  for (let start = 0; start < files.length; start += FILES_PER_REQUEST) {
    const batch = files.slice(start, start + FILES_PER_REQUEST);
    const { query, variables } = filesQuery(batch);
    let data: FilesResponse;
    try {
      data = await octokit.graphql<FilesResponse>(query, variables);
    } catch (error) {
      // A repository that does not exist is a NOT_FOUND error beside the other aliases' data.
      const failure = error as { errors?: { type?: string }[]; data?: FilesResponse };
      if (!failure.data || !failure.errors?.every((entry) => entry.type === "NOT_FOUND")) throw error;
      data = failure.data;
    }
    requests += 1;
    budgetUsed += budgetOf(data.rateLimit);
    batch.forEach((_, index) => texts.push(data[`f${index}`]?.object?.text));
  }
  return { texts, requests, budgetUsed };
}

/**
 * Follows the Location targets of `roots` (catalog files already read), returning the target
 * files to import and what could not be read.
 */
export async function followLocations(octokit: Octokit, roots: CatalogFile[], org: string): Promise<FollowedLocations> {
  const files: CatalogFile[] = [];
  const errors: CatalogError[] = [];
  const visited = new Set<string>();
  const perRoot = new Map<number, number>();
  let requests = 0;
  let budgetUsed = 0;
  let queued = 0;
  let pending: Pending[] = [];

  const enqueueTargets = (file: CatalogFile, depth: number, root: number) => {
    const base = new URL(file.location);
    for (const location of locationsIn(file)) {
      if (location.type && location.type !== "url") {
        errors.push(fetchFailed(file.location, location.ref, `${location.ref} has spec.type "${location.type}"; only "url" locations are read (targets relative to this file are fine)`));
        continue;
      }
      for (const target of location.targets) {
        let resolved: URL;
        try {
          resolved = new URL(target, base);
        } catch {
          errors.push(fetchFailed(file.location, location.ref, `${location.ref}: target "${target}" is neither a URL nor a path relative to this file`));
          continue;
        }
        resolved.hash = "";
        const address = githubFileAddress(resolved, base.origin);
        if (!address || address.owner.toLowerCase() !== org.toLowerCase()) {
          errors.push(fetchFailed(file.location, location.ref, `${location.ref}: ${resolved.href} is not a file in the GitHub organization "${org}"; only files in its repositories are read`));
          continue;
        }
        if (visited.has(address.key)) continue; // a cycle, or a second mention: read once
        if (depth + 1 > MAX_LOCATION_DEPTH) {
          errors.push(fetchFailed(file.location, location.ref, `${location.ref}: ${resolved.href} is nested more than ${MAX_LOCATION_DEPTH} locations deep and was not read`));
          continue;
        }
        const count = perRoot.get(root) ?? 0;
        if (count >= MAX_LOCATION_FILES || queued >= MAX_FILES_PER_STEP) {
          errors.push(fetchFailed(file.location, location.ref, `${location.ref}: ${resolved.href} was not read; a catalog file may bring in at most ${MAX_LOCATION_FILES} files through its locations`));
          continue;
        }
        visited.add(address.key);
        perRoot.set(root, count + 1);
        queued += 1;
        pending.push({ url: resolved.href, address, depth: depth + 1, root, optional: location.optional, via: file.location, locationRef: location.ref });
      }
    }
  };

  roots.forEach((root) => {
    const address = githubFileAddress(new URL(root.location), new URL(root.location).origin);
    if (address) visited.add(address.key);
  });
  roots.forEach((root, index) => enqueueTargets(root, 0, index));
  while (pending.length > 0) {
    const level = pending;
    pending = [];
    const read = await readFiles(
      octokit,
      level.map((entry) => entry.address),
    );
    requests += read.requests;
    budgetUsed += read.budgetUsed;
    level.forEach((entry, index) => {
      const text = read.texts[index];
      if (text === undefined) {
        if (!entry.optional) errors.push(fetchFailed(entry.via, entry.locationRef, `${entry.locationRef}: target ${entry.url} was not found (no such repository, branch or file)`));
        return;
      }
      const file = { yaml: text, location: entry.url };
      files.push(file);
      enqueueTargets(file, entry.depth, entry.root);
    });
  }
  return { files, errors, requests, budgetUsed };
}
