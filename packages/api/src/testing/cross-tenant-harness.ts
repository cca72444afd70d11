import type { AnyRouter } from "@trpc/server";
import { TRPCError } from "@trpc/server";

import type { SessionUser } from "../context";

/**
 * The cross-tenant harness (DESIGN.md tenancy rule 5). It walks every procedure of a router and
 * calls it as org B (the attacker) against org A (the victim): with A's slug, and with B's own
 * slug but A's ids. Every call must end in NOT_FOUND or FORBIDDEN, or succeed without one byte
 * of A's data in the answer; and A's data must be unchanged afterwards. Inputs are synthesised
 * from each procedure's own zod schema, so a procedure added later is covered automatically;
 * one whose input cannot be synthesised fails the harness instead of escaping it.
 */

export type TenantSide = {
  slug: string;
  session: SessionUser;
  /** Ids of this tenant's rows, by the input field names that carry them (userId, invitationId…). */
  ids: Record<string, string[]>;
  /** Strings that must never appear in an answer given to the other tenant. */
  secrets: string[];
};

export type HarnessCall = { path: string; scenario: string; input: unknown; outcome: string };

export type HarnessOptions = {
  router: AnyRouter;
  call: (session: SessionUser, path: string, input: unknown) => Promise<unknown>;
  victim: TenantSide;
  attacker: TenantSide;
  /** Procedures that take no org (account-level or public) with the reason each is safe. */
  orgless: Record<string, string>;
  /** Values for fields the generic synthesis cannot guess (e.g. an invitation token). */
  fieldValues?: Record<string, (side: TenantSide) => unknown>;
  /** Re-reads the victim's data; compared before and after the run. */
  snapshotVictim: () => Promise<unknown>;
};

type ZodDef = { type: string; [key: string]: unknown };
type ZodLike = { _zod: { def: ZodDef } };

const ALLOWED_CODES = new Set(["NOT_FOUND", "FORBIDDEN"]);

function defOf(schema: unknown): ZodDef {
  const zod = (schema as ZodLike)._zod;
  if (!zod) throw new Error("the harness understands zod schemas only");
  return zod.def;
}

class CannotSynthesise extends Error {}

function synthesise(schema: unknown, field: string, side: TenantSide, options: HarnessOptions, path = ""): unknown {
  // "procedure.path#field" entries override the plain "field" ones for one procedure.
  const custom = options.fieldValues?.[`${path}#${field}`] ?? options.fieldValues?.[field];
  if (custom) return custom(side);
  if (field in side.ids) return side.ids[field]![0];
  if (field === "orgSlug") return side.slug;
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
      return undefined;
    case "nullable":
      return synthesise(def.innerType, field, side, options, path);
    case "pipe":
      return synthesise(def.in, field, side, options, path);
    case "object": {
      const shape = def.shape as Record<string, unknown>;
      const value: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(shape)) {
        const synthesised = synthesise(child, key, side, options, path);
        if (synthesised !== undefined) value[key] = synthesised;
      }
      return value;
    }
    case "enum":
      return Object.values(def.entries as Record<string, string>).at(-1);
    case "string": {
      const format = (def as { format?: string }).format;
      const suffix = Math.random().toString(36).slice(2, 8);
      if (format === "email" || field.toLowerCase().includes("email")) return `harness-${suffix}@example.test`;
      if (format === "uuid" || field.endsWith("Id")) return crypto.randomUUID();
      if (field === "slug") return `harness-${suffix}`;
      if (field === "password") return `Harness-${suffix}-passphrase`;
      return `Harness ${suffix}`;
    }
    case "number":
      return 1;
    case "boolean":
      return false;
    case "date":
      return new Date();
    default:
      throw new CannotSynthesise(`field "${field}" has zod type "${def.type}"`);
  }
}

function mergedInput(procedure: { _def: { inputs: unknown[] } }, path: string, side: TenantSide, options: HarnessOptions) {
  const merged: Record<string, unknown> = {};
  for (const parser of procedure._def.inputs) {
    Object.assign(merged, synthesise(parser, "", side, options, path) as Record<string, unknown>);
  }
  return merged;
}

function leakedSecret(answer: unknown, secrets: string[]): string | undefined {
  const text = JSON.stringify(answer ?? null);
  return secrets.find((secret) => secret && text.includes(secret));
}

async function attempt(options: HarnessOptions, path: string, input: unknown): Promise<{ ok: true; answer: unknown } | { ok: false; code: string; message: string }> {
  try {
    return { ok: true, answer: await options.call(options.attacker.session, path, input) };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

export async function runCrossTenantHarness(options: HarnessOptions): Promise<{ calls: HarnessCall[]; failures: string[] }> {
  const procedures = (options.router as unknown as { _def: { procedures: Record<string, { _def: { inputs: unknown[] } }> } })._def.procedures;
  const calls: HarnessCall[] = [];
  const failures: string[] = [];
  const before = JSON.stringify(await options.snapshotVictim());

  for (const [path, procedure] of Object.entries(procedures)) {
    const takesOrg = procedure._def.inputs.some((parser) => {
      const def = defOf(parser);
      return def.type === "object" && "orgSlug" in (def.shape as object);
    });
    if (!takesOrg && !(path in options.orgless)) {
      failures.push(`${path}: takes no orgSlug and is not listed in "orgless" with a reason`);
      continue;
    }

    // Scenario 1: the victim's org, with the victim's ids, called by the attacker.
    // Scenario 2: the attacker's own org, with the victim's ids in every id field.
    const scenarios: { name: string; build: () => unknown }[] = takesOrg
      ? [
          { name: "victim org + victim ids", build: () => mergedInput(procedure, path, options.victim, options) },
          {
            name: "own org + victim ids",
            build: () => ({ ...mergedInput(procedure, path, options.victim, options), orgSlug: options.attacker.slug }),
          },
        ]
      : [{ name: "victim ids, no org", build: () => mergedInput(procedure, path, options.victim, options) }];

    for (const scenario of scenarios) {
      let input: unknown;
      try {
        input = scenario.build();
      } catch (error) {
        if (error instanceof CannotSynthesise) {
          failures.push(`${path}: cannot synthesise input (${error.message}); add a fieldValues entry`);
          break;
        }
        throw error;
      }
      const result = await attempt(options, path, input);
      // In the attacker's own org, a call that carries none of the victim's ids is just the
      // attacker acting on their own data (e.g. "leave"): only leaks matter there.
      const victimValues = [...Object.values(options.victim.ids).flat(), ...Object.values(options.fieldValues ?? {}).map((value) => String(value(options.victim)))];
      const carriesVictimIds = victimValues.some((value) => JSON.stringify(input).includes(value));
      const ownOrgOnly = takesOrg && scenario.name.startsWith("own org") && !carriesVictimIds;
      if (result.ok) {
        const leak = leakedSecret(result.answer, options.victim.secrets);
        const orglessReason = options.orgless[path];
        // An orgless procedure may disclose what its caller already holds the key to (the reason
        // says what); org procedures may never succeed against the victim's org.
        if (takesOrg && scenario.name.startsWith("victim org")) failures.push(`${path} [${scenario.name}]: succeeded`);
        else if (leak && !orglessReason?.startsWith("discloses:")) failures.push(`${path} [${scenario.name}]: answer contains "${leak}"`);
        calls.push({ path, scenario: scenario.name, input, outcome: leak ? `ok (discloses ${leak})` : "ok, no victim data" });
      } else {
        if (ownOrgOnly) {
          // nothing to check: no victim data went in, and an error carries none out
        } else if (result.code === "BAD_REQUEST" && takesOrg) {
          failures.push(`${path} [${scenario.name}]: rejected as BAD_REQUEST ("${result.message}"), so the tenant check was never reached; fix the synthesised input`);
        } else if (!ALLOWED_CODES.has(result.code) && takesOrg) {
          failures.push(`${path} [${scenario.name}]: ${result.code} instead of NOT_FOUND/FORBIDDEN`);
        }
        calls.push({ path, scenario: scenario.name, input, outcome: result.code });
      }
    }
  }

  const after = JSON.stringify(await options.snapshotVictim());
  if (after !== before) failures.push("the victim's data changed during the run");
  return { calls, failures };
}
