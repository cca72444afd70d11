/**
 * Location references as used in `backstage.io/managed-by-location` and `source-location`:
 * `<type>:<target>`, e.g. `url:https://github.com/acme/payments/blob/main/catalog-info.yaml`.
 * Only the first colon separates: the target is usually a URL and contains colons itself.
 */
export interface LocationRef {
  type: string;
  target: string;
}

export function parseLocationRef(value: string): LocationRef {
  const colon = value.indexOf(":");
  const type = colon === -1 ? "" : value.slice(0, colon).trim();
  const target = colon === -1 ? "" : value.slice(colon + 1).trim();
  if (!type || !target) {
    throw new Error(
      `Location reference "${value}" must be "<type>:<target>", e.g. "url:https://github.com/acme/repo/blob/main/catalog-info.yaml".`,
    );
  }
  return { type, target };
}

export function stringifyLocationRef(ref: LocationRef): string {
  return `${ref.type}:${ref.target}`;
}
