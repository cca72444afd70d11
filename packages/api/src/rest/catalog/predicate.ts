import type { EntityFilters } from "@greenroom/db";

import { inputError } from "../errors";
import { addCondition } from "./query-params";

/**
 * Backstage's filter predicates (`{ kind: "component", "spec.type": { $in: [...] } }`, `$all`,
 * `$any`, `$not`, `$exists`, `$in`), as newer catalog clients send them in request bodies,
 * translated onto the same filters as the `filter=` query syntax. `$contains` and `$hasPrefix`
 * are refused in words rather than ignored.
 */
export function predicateToFilters(predicate: unknown, depth = 0): EntityFilters {
  if (depth > 20) throw inputError("Invalid query: predicates are nested too deeply");
  if (!predicate || typeof predicate !== "object" || Array.isArray(predicate)) throw inputError("Invalid query: a predicate must be an object");
  const entries = Object.entries(predicate as Record<string, unknown>);
  const operator = entries.find(([key]) => key.startsWith("$"));
  if (operator) {
    if (entries.length !== 1) throw inputError(`Invalid query: ${operator[0]} must stand alone in its object`);
    const [name, value] = operator;
    if ((name === "$all" || name === "$any") && Array.isArray(value)) {
      const sets = value.map((inner) => predicateToFilters(inner, depth + 1));
      return name === "$all" ? { allOf: sets } : { anyOf: sets };
    }
    if (name === "$not") return { not: predicateToFilters(value, depth + 1) };
    throw inputError(`Invalid query: unsupported operator ${name}`);
  }
  const set: EntityFilters = { allOf: [] };
  for (const [key, value] of entries) {
    const condition: EntityFilters = {};
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      addCondition(condition, key, [String(value)]);
    } else if (value && typeof value === "object" && !Array.isArray(value)) {
      const matcher = value as Record<string, unknown>;
      if ("$exists" in matcher && typeof matcher.$exists === "boolean") {
        addCondition(condition, key, undefined);
        if (!matcher.$exists) {
          set.allOf!.push({ not: condition });
          continue;
        }
      } else if ("$in" in matcher && Array.isArray(matcher.$in) && matcher.$in.every((item) => ["string", "number", "boolean"].includes(typeof item))) {
        addCondition(condition, key, matcher.$in.map(String));
      } else {
        throw inputError(`Invalid query: the matcher for "${key}" is not supported (use a value, $exists or $in)`);
      }
    } else {
      throw inputError(`Invalid query: "${key}" must be matched by a string, number, boolean or matcher object`);
    }
    set.allOf!.push(condition);
  }
  return set;
}
