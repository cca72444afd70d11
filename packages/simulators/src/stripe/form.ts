// Stripe's request encoding: application/x-www-form-urlencoded with bracketed keys, the format
// the `qs` library writes and stripe-node reproduces: `line_items[0][price]=price_x`,
// `metadata[tenant_id]=…`, `expand[]=latest_invoice`. Values arrive as strings; each endpoint
// coerces the fields it reads.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

function keyPath(key: string): string[] {
  const head = key.split("[", 1)[0]!;
  const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]!);
  return [head, ...rest];
}

function assign(target: FormObject, path: string[], value: string): void {
  let node: FormObject = target;
  path.forEach((segment, index) => {
    const last = index === path.length - 1;
    const key = segment === "" ? String(Object.keys(node).length) : segment; // `expand[]` appends
    if (last) {
      node[key] = value;
      return;
    }
    const existing = node[key];
    if (typeof existing !== "object" || existing === null || Array.isArray(existing)) node[key] = {};
    node = node[key] as FormObject;
  });
}

/** Objects whose keys are all 0..n-1 become arrays, as qs does when it parses. */
function arrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted: FormObject = {};
  for (const key of keys) converted[key] = arrays(value[key]!);
  const isList = keys.length > 0 && keys.every((key, index) => key === String(index));
  return isList ? keys.map((key) => converted[key]!) : converted;
}

export function parseStripeForm(body: string): FormObject {
  const result: FormObject = {};
  for (const [key, value] of new URLSearchParams(body)) assign(result, keyPath(key), value);
  return arrays(result) as FormObject;
}

export function str(value: FormValue | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function int(value: FormValue | undefined): number | undefined {
  const text = str(value);
  if (text === undefined) return undefined;
  const number = Number(text);
  return Number.isInteger(number) ? number : undefined;
}

export function bool(value: FormValue | undefined): boolean | undefined {
  return value === "true" ? true : value === "false" ? false : undefined;
}

export function obj(value: FormValue | undefined): FormObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
}

export function list(value: FormValue | undefined): FormValue[] {
  return Array.isArray(value) ? value : [];
}

/** `metadata[...]` as Stripe stores it: string values only; an empty value deletes the key. */
export function metadataOf(value: FormValue | undefined, previous: Record<string, string> = {}): Record<string, string> {
  const next = { ...previous };
  for (const [key, entry] of Object.entries(obj(value))) {
    if (typeof entry !== "string") continue;
    if (entry === "") delete next[key];
    else next[key] = entry;
  }
  return next;
}
