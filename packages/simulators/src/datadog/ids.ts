import type { Random } from "../shared/random";

// Identifier formats Datadog uses, drawn from the seeded generator so ids are reproducible.

export { Random, hashString } from "../shared/random";

const HEX = "0123456789abcdef";
const ALNUM_LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
const ALNUM_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function draw(random: Random, alphabet: string, length: number): string {
  let out = "";
  for (let index = 0; index < length; index++) out += alphabet[Math.floor(random.next() * alphabet.length)];
  return out;
}

/** Service definition and SLO ids: 32 lowercase hex characters. */
export function hexId(random: Random, length = 32): string {
  return draw(random, HEX, length);
}

/** Dashboard ids look like "npw-6di-usv". */
export function dashboardId(random: Random): string {
  return `${draw(random, ALNUM_LOWER, 3)}-${draw(random, ALNUM_LOWER, 3)}-${draw(random, ALNUM_LOWER, 3)}`;
}

/** PagerDuty service ids: "P" and six upper-case letters or digits. */
export function pagerdutyId(random: Random): string {
  return `P${draw(random, ALNUM_UPPER, 6)}`;
}

export function uuid(random: Random): string {
  const hex = hexId(random, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Number.parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function slackChannelId(random: Random): string {
  return `C${draw(random, ALNUM_UPPER, 10)}`;
}

/** Picks by weight; the weights need not sum to 1. */
export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
