import type { Route } from "../rest/router";

/**
 * The cross-tenant harness for the REST routes (DESIGN.md tenancy rule 5). Every route of the
 * route table is called with the attacker's token (org B) and the victim's (org A) uids, refs,
 * location ids and source names in its path and body. A route that names a victim's row must
 * answer 404 NotFoundError; any other answer must carry none of the victim's secrets; and the
 * victim's data must be unchanged afterwards. A route the harness cannot build a call for fails
 * the run instead of escaping it.
 */

export type RestSide = {
  token: string;
  /** One of this org's entities: its uid and ref parts. */
  entity: { uid: string; kind: string; namespace: string; name: string };
  locationId: string;
  locationTarget: string;
  /** A push source name (without the `push:` prefix). */
  source: string;
  /** Strings that must never appear in an answer to the other org. */
  secrets: string[];
};

export type RestCall = {
  body?: string;
  contentType?: string;
  query?: string;
  /** What a correct API answers: 404 (the call names a victim row) or success without victim data. */
  expect: "not-found" | "no-victim-data";
};

export type RestHarnessOptions = {
  routes: Route[];
  handle: (request: Request) => Promise<Response>;
  victim: RestSide;
  attacker: RestSide;
  /** Calls for routes whose path names no victim row, keyed "METHOD /path/pattern". */
  calls: Record<string, (victim: RestSide, attacker: RestSide) => RestCall[]>;
  snapshotVictim: () => Promise<unknown>;
};

export type RestHarnessResult = { calls: { route: string; url: string; status: number }[]; failures: string[] };

function pathFor(route: Route, victim: RestSide): string {
  const values: Record<string, string> = {
    uid: victim.entity.uid,
    kind: victim.entity.kind,
    namespace: victim.entity.namespace,
    name: victim.entity.name,
    id: victim.locationId,
    source: victim.source,
  };
  return route.path.replace(/:([A-Za-z]+)/g, (_, param: string) => {
    const value = values[param];
    if (value === undefined) throw new Error(`no victim value for path parameter :${param}`);
    return encodeURIComponent(value);
  });
}

export async function runRestCrossTenantHarness(options: RestHarnessOptions): Promise<RestHarnessResult> {
  const failures: string[] = [];
  const calls: RestHarnessResult["calls"] = [];
  const before = JSON.stringify(await options.snapshotVictim());

  const planned: { key: string; route: Route; path: string; call: RestCall }[] = [];
  for (const route of options.routes) {
    const key = `${route.method} ${route.path}`;
    const takesIds = route.path.includes(":");
    const custom = options.calls[key];
    if (!custom && !takesIds && route.method !== "GET") {
      failures.push(`${key}: sends a body but has no entry in "calls"; add one aimed at the victim's data`);
      continue;
    }
    let path: string;
    try {
      path = pathFor(route, options.victim);
    } catch (error) {
      failures.push(`${key}: ${(error as Error).message}`);
      continue;
    }
    // GET routes without ids are searched for the victim's rows by every means they offer.
    const victimQuery = `?filter=metadata.uid=${options.victim.entity.uid}&filter=metadata.name=${options.victim.entity.name}&facet=metadata.name&facet=metadata.uid&fullTextFilterTerm=${options.victim.entity.name}`;
    const plan: RestCall[] = custom
      ? custom(options.victim, options.attacker)
      : takesIds
        ? [{ expect: "not-found" }]
        : [{ expect: "no-victim-data" }, { expect: "no-victim-data", query: victimQuery }];

    for (const call of plan) planned.push({ key, route, path, call });
  }

  // Calls aimed at the victim's rows run first: the writes that follow create rows of the
  // attacker's own under the same names (a push source "victim-ci"), which would answer them.
  planned.sort((a, b) => Number(a.call.expect !== "not-found") - Number(b.call.expect !== "not-found"));
  for (const { key, route, path, call } of planned) {
    const url = `http://greenroom.test${path}${call.query ?? ""}`;
    const headers: Record<string, string> = { authorization: `Bearer ${options.attacker.token}` };
    if (call.contentType) headers["content-type"] = call.contentType;
    const response = await options.handle(new Request(url, { method: route.method, headers, body: call.body }));
    const text = await response.text();
    calls.push({ route: key, url, status: response.status });
    // A 404 that echoes the id the attacker sent ("No entity with uid …") is no leak; any other
    // answer may not carry a victim secret at all, even one the attacker put in the query.
    const sent = call.expect === "not-found" ? decodeURIComponent(url) + (call.body ?? "") : "";
    const leak = options.victim.secrets.find((secret) => secret && text.includes(secret) && !sent.includes(secret));
    if (leak) failures.push(`${key} ${url}: answer (${response.status}) contains the victim's "${leak}"`);
    if (call.expect === "not-found") {
      const name = response.status === 404 ? (JSON.parse(text) as { error?: { name?: string } }).error?.name : undefined;
      if (response.status !== 404 || name !== "NotFoundError") failures.push(`${key} ${url}: ${response.status} instead of 404 NotFoundError`);
    } else if (response.status >= 400) {
      failures.push(`${key} ${url}: ${response.status} (${text.slice(0, 200)}); the call must succeed on the attacker's own data`);
    }
  }

  const after = JSON.stringify(await options.snapshotVictim());
  if (after !== before) failures.push("the victim's data changed during the run");
  return { calls, failures };
}
