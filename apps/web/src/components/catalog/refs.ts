// Entity refs (`kind:namespace/name`, stored lower-case) and the portal URLs they map to.

export type RefParts = { kind: string; namespace: string; name: string };

export function parseRef(ref: string): RefParts {
  const colon = ref.indexOf(":");
  const slash = ref.indexOf("/", colon + 1);
  if (colon < 0 || slash < 0) return { kind: "", namespace: "default", name: ref };
  return { kind: ref.slice(0, colon), namespace: ref.slice(colon + 1, slash), name: ref.slice(slash + 1) };
}

/** Backstage's URL shape: /catalog/{namespace}/{kind}/{name}. */
export function entityHref(orgSlug: string, entity: RefParts | string): string {
  const { kind, namespace, name } = typeof entity === "string" ? parseRef(entity) : entity;
  return `/${orgSlug}/catalog/${encodeURIComponent(namespace.toLowerCase())}/${encodeURIComponent(kind.toLowerCase())}/${encodeURIComponent(name)}`;
}

/** Groups go to the team page, users to the user page, anything else to its entity page. */
export function ownerHref(orgSlug: string, ref: string): string {
  const { kind, namespace, name } = parseRef(ref);
  const query = namespace && namespace !== "default" ? `?namespace=${encodeURIComponent(namespace)}` : "";
  if (kind === "group") return `/${orgSlug}/teams/${encodeURIComponent(name)}${query}`;
  if (kind === "user") return `/${orgSlug}/users/${encodeURIComponent(name)}${query}`;
  return entityHref(orgSlug, ref);
}

/** What a person reads for a ref: the name, with the namespace only when it is not the default. */
export function shortRef(ref: string | null | undefined): string {
  if (!ref) return "";
  const { namespace, name } = parseRef(ref);
  return namespace === "default" ? name : `${namespace}/${name}`;
}

const KIND_LABELS: Record<string, string> = {
  component: "Component",
  api: "API",
  system: "System",
  domain: "Domain",
  resource: "Resource",
  group: "Group",
  user: "User",
  location: "Location",
  template: "Template",
};

/** Kinds are stored lower-case; show them as Backstage writes them. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}

export const KIND_TONES: Record<string, "slate" | "emerald" | "amber" | "red" | "sky"> = {
  component: "emerald",
  api: "sky",
  system: "amber",
  domain: "red",
  resource: "slate",
  group: "slate",
  user: "slate",
};
