import { parseCatalogEntities, stringifyEntityRef, tryParseEntityRef, type CatalogError, type CatalogParseResult } from "@greenroom/catalog";
import { applyMutation, ensureSource, parseCatalogText, removeSource, sourceName, type Mutation } from "@greenroom/catalog/engine";
import { BULK_WRITE, withTenant, type Prisma } from "@greenroom/db";

import { catalogEnv } from "../../catalog-env";
import { inputError, notFoundError } from "../errors";
import { json, readBodyText } from "../http";
import { authed, type RouteContext } from "../router";

/**
 * The push API for CI: `PUT /api/v1/sources/{source}` replaces everything the source owns (a full
 * mutation: idempotent, an unchanged push writes no entity rows), `PATCH` upserts documents and
 * removes refs (a delta), `DELETE` removes the source and its entities, `GET` reports its state.
 * Bodies are multi-document YAML or JSON (an array, `{ items }`, or for PATCH
 * `{ entities, remove }`), chosen by Content-Type, read as a bounded stream.
 */

const SOURCE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const MAX_DOCUMENTS = 50_000;
const YAML_TYPES = /^(application|text)\/(x-)?yaml$|^text\/plain$/;

function sourceKey(context: RouteContext): string {
  const key = context.params.source!;
  if (!SOURCE_KEY.test(key)) {
    throw inputError(`Source names are 1-100 letters, digits, ".", "_" or "-", starting with a letter or digit (e.g. "payments-ci"); got "${key}"`);
  }
  return key;
}

function formatOf(request: Request): "yaml" | "json" {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") return "json";
  if (YAML_TYPES.test(type)) return "yaml";
  throw inputError(
    type
      ? `Unsupported Content-Type "${type}"; send application/yaml (multi-document YAML) or application/json (an array of entities)`
      : "Content-Type missing; send application/yaml (multi-document YAML) or application/json (an array of entities)",
  );
}

type PushBody = CatalogParseResult & { removals: string[] };

function parseBody(text: string, format: "yaml" | "json", mode: "full" | "delta", name: string, removeParams: string[]): PushBody {
  const limits = { sourceName: name, maxInputBytes: catalogEnv().CATALOG_PUSH_MAX_BYTES, maxDocuments: MAX_DOCUMENTS };
  const removals = [...removeParams];
  if (format === "json" && mode === "delta") {
    // PATCH may say what goes away in the body: { "entities": [...], "remove": ["component:default/x"] }.
    let root: unknown;
    try {
      root = JSON.parse(text);
    } catch (error) {
      return { entities: [], errors: [{ sourceName: name, path: "", rule: "json-syntax", message: `The body is not valid JSON: ${(error as Error).message}` }], removals };
    }
    if (root && typeof root === "object" && !Array.isArray(root) && ("entities" in root || "remove" in root)) {
      const { entities = [], remove = [] } = root as { entities?: unknown; remove?: unknown };
      if (!Array.isArray(entities) || !Array.isArray(remove) || remove.some((ref) => typeof ref !== "string")) {
        throw inputError('Expected { "entities": [ ...entities ], "remove": [ "kind:namespace/name", ... ] }');
      }
      return { ...parseCatalogEntities(entities, limits), removals: [...removals, ...(remove as string[])] };
    }
  }
  return { ...parseCatalogText(text, format, limits), removals };
}

function canonicalRemovals(refs: string[], errors: CatalogError[]): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    const parsed = tryParseEntityRef(ref);
    if (parsed.ok) out.push(stringifyEntityRef(parsed.ref));
    else errors.push({ path: "remove", rule: "entity-ref", message: `Cannot remove "${ref}": ${parsed.error}` });
  }
  return out;
}

function errorsOut(errors: CatalogError[]) {
  return errors.slice(0, 500).map((error) => ({
    documentIndex: error.documentIndex ?? null,
    entityRef: error.entityRef ?? null,
    path: error.path,
    rule: error.rule,
    message: error.message,
    line: error.line ?? null,
  }));
}

async function push(context: RouteContext, mode: "full" | "delta"): Promise<Response> {
  const { principal } = authed(context);
  const key = sourceKey(context);
  const name = sourceName("PUSH", key);
  const format = formatOf(context.request);
  const text = await readBodyText(context.request, catalogEnv().CATALOG_PUSH_MAX_BYTES, "the push API (CATALOG_PUSH_MAX_BYTES)");
  const body = parseBody(text, format, mode, name, context.url.searchParams.getAll("remove"));
  const errors = [...body.errors];
  const removals = canonicalRemovals(body.removals, errors);
  const fatal = errors.find((error) => error.documentIndex === undefined && error.rule !== "entity-ref");
  // A body that yielded nothing usable is refused whole: as a full mutation it would read as
  // "delete everything this source had".
  if (body.entities.length === 0 && errors.length > 0 && (mode === "full" || removals.length === 0)) {
    return json({ source: name, error: { name: "InputError", message: fatal?.message ?? "No document in the body is a valid entity; nothing was changed." }, errors: errorsOut(errors) }, 400);
  }

  const mutation: Mutation = mode === "full" ? { type: "full", entities: body.entities } : { type: "delta", upserts: body.entities, removals };
  const outcome = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const source = await ensureSource(db, { kind: "PUSH", key, target: null });
    const result = await applyMutation(db, source, mutation);
    await db.catalogSources.recordMutation(source.id, errors.slice(0, 200) as unknown as Prisma.InputJsonValue);
    const owners = new Map<string, string>();
    for (const conflict of result.conflicts) {
      if (!owners.has(conflict.ownerSourceId)) owners.set(conflict.ownerSourceId, (await db.catalogSources.findById(conflict.ownerSourceId))?.name ?? "another source");
    }
    return { result, owners };
  }, BULK_WRITE);
  const { result, owners } = outcome;
  const response = {
    source: name,
    mode,
    accepted: body.entities.length,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    deleted: result.deleted,
    errors: errorsOut(errors),
    conflicts: result.conflicts.map((conflict) => ({
      entityRef: conflict.ref,
      ownedBy: owners.get(conflict.ownerSourceId),
      message: `${conflict.ref} belongs to ${owners.get(conflict.ownerSourceId)}; it was not changed. Remove it there first, or stop sending it here.`,
    })),
    held: result.held,
  };
  if (result.held) {
    return json(
      {
        ...response,
        message: `Nothing was changed: this push would delete ${result.held.wouldDelete} of the ${result.held.existingCount} entities ${name} owns, more than its deletion guard allows. An admin must confirm it in the portal (Catalog → Sources → held syncs); held id ${result.held.id}.`,
      },
      202,
    );
  }
  return json(response, 200);
}

export const putSource = (context: RouteContext) => push(context, "full");
export const patchSource = (context: RouteContext) => push(context, "delta");

export async function deleteSource(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const name = sourceName("PUSH", sourceKey(context));
  const deleted = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const source = await db.catalogSources.findByName(name);
    if (!source) return null;
    return (await removeSource(db, source, { keepEntities: false })).deleted;
  });
  if (deleted === null) throw notFoundError(`No push source named ${name}`);
  return json({ source: name, deleted });
}

export async function getSource(context: RouteContext): Promise<Response> {
  const { principal } = authed(context);
  const name = sourceName("PUSH", sourceKey(context));
  const state = await withTenant({ tenantId: principal.tenantId }, async (db) => {
    const source = await db.catalogSources.findByName(name);
    if (!source) return null;
    const entities = await db.catalogWrites.entitiesOfSource(source.id);
    return {
      source: name,
      entityCount: entities.length,
      lastPushAt: source.lastMutationAt,
      errors: Array.isArray(source.lastErrors) ? source.lastErrors : [],
      heldMutations: (await db.catalogWrites.listHeld()).filter((held) => held.sourceId === source.id).map(({ id, wouldDelete, existingCount, createdAt }) => ({ id, wouldDelete, existingCount, createdAt })),
    };
  });
  if (!state) throw notFoundError(`No push source named ${name}`);
  return json(state);
}
