import { apiKind } from "./api";
import { componentKind } from "./component";
import { domainKind } from "./domain";
import { groupKind } from "./group";
import type { KindDefinition } from "./kind-definition";
import { locationKind } from "./location";
import { resourceKind } from "./resource";
import { systemKind } from "./system";
import { templateKind } from "./template";
import { userKind } from "./user";

export const KNOWN_KINDS: readonly KindDefinition[] = [
  componentKind,
  apiKind,
  systemKind,
  domainKind,
  resourceKind,
  groupKind,
  userKind,
  locationKind,
  templateKind,
];

const BY_NAME = new Map(KNOWN_KINDS.map((k) => [k.kind, k]));
const BY_LOWER = new Map(KNOWN_KINDS.map((k) => [k.kind.toLowerCase(), k]));

/** Exact, case-sensitive lookup, as Backstage's kind validators match `kind` exactly. */
export function knownKind(kind: string): KindDefinition | undefined {
  return BY_NAME.get(kind);
}

/**
 * A known kind written with the wrong case ("component"). Refs compare kinds case-insensitively,
 * so treating it as a separate custom kind would collide with real Components; we reject it with
 * the right spelling instead.
 */
export function miscasedKnownKind(kind: string): KindDefinition | undefined {
  const match = BY_LOWER.get(kind.toLowerCase());
  return match && match.kind !== kind ? match : undefined;
}
