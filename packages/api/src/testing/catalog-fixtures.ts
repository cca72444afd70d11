import type { TenantDb } from "@greenroom/db";

import type { TenantSide } from "./cross-tenant-harness";
import { callerFor, uniqueSuffix, type OrgFixture } from "./fixtures";

// Catalog data for tests: a small but complete org (team, people, system, components, API),
// plus one of each thing an admin deals with (a conflict, a held sync, orphans).

export function catalogYaml(prefix: string): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ${prefix}-team
  title: ${prefix} Team Title
spec:
  type: team
  profile: { displayName: ${prefix} Squad, email: ${prefix}-team@example.test }
  children: []
  members: [${prefix}-alice]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: ${prefix}-alice }
spec:
  profile: { displayName: ${prefix} Alice, email: ${prefix}-alice@example.test }
  memberOf: [${prefix}-team]
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata: { name: ${prefix}-system, description: ${prefix} system description }
spec: { owner: ${prefix}-team }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${prefix}-svc
  title: ${prefix} Service Title
  description: ${prefix} service description
  tags: [${prefix}-tag]
spec:
  type: service
  lifecycle: production
  owner: ${prefix}-team
  system: ${prefix}-system
  providesApis: [${prefix}-api]
  dependsOn: [component:${prefix}-db-client]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${prefix}-db-client, description: ${prefix} client description }
spec: { type: library, lifecycle: experimental, owner: ${prefix}-team, system: ${prefix}-system }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${prefix}-api, description: ${prefix} api description }
spec:
  type: openapi
  lifecycle: production
  owner: ${prefix}-team
  system: ${prefix}-system
  definition: |
    openapi: 3.0.0
    info: { title: ${prefix} API, version: 1.0.0 }
    paths: {}
`;
}

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ${name} }\nspec: { type: service, lifecycle: production, owner: nobody }`;

export type CatalogSeed = {
  prefix: string;
  componentName: string;
  groupName: string;
  userName: string;
  sourceIds: string[];
  heldId: string;
  orphanIds: string[];
  /** For the cross-tenant harness: the victim's ids by input field, and strings that must not leak. */
  ids: Record<string, string[]>;
  secrets: string[];
};

/** Seeds one org's catalog through the procedures, as its owner would. */
export async function seedCatalog(org: OrgFixture, label: string): Promise<CatalogSeed> {
  const prefix = `${label}-${uniqueSuffix()}`;
  const api = callerFor(org.owner).catalog;
  const main = await api.importYaml({ orgSlug: org.slug, sourceName: `${prefix}-main`, text: catalogYaml(prefix), mode: "full" });
  // A second source claiming the component: a conflict.
  await api.importYaml({ orgSlug: org.slug, sourceName: `${prefix}-claimant`, text: catalogYaml(prefix).split("---")[3]!, mode: "full" });
  // Five entities, then a full sync with one: the guard holds it.
  const guarded = Array.from({ length: 5 }, (_, i) => component(`${prefix}-guarded-${i}`));
  await api.importYaml({ orgSlug: org.slug, sourceName: `${prefix}-guarded`, text: guarded.join("\n---\n"), mode: "full" });
  const held = await api.importYaml({ orgSlug: org.slug, sourceName: `${prefix}-guarded`, text: guarded[0]!, mode: "full" });
  if (!held.held) throw new Error("expected the deletion guard to hold the sync");
  // A removed source whose entities were kept: orphans.
  const legacy = await api.importYaml({ orgSlug: org.slug, sourceName: `${prefix}-legacy`, text: [component(`${prefix}-orphan-a`), component(`${prefix}-orphan-b`)].join("\n---\n"), mode: "full" });
  await api.removeSource({ orgSlug: org.slug, sourceId: legacy.source.id, keepEntities: true });
  const orphans = await api.orphans({ orgSlug: org.slug });
  const sources = await api.sources({ orgSlug: org.slug });
  const sourceIds = sources.sources.map((source) => source.id);
  return {
    prefix,
    componentName: `${prefix}-svc`,
    groupName: `${prefix}-team`,
    userName: `${prefix}-alice`,
    sourceIds,
    heldId: held.held.id,
    orphanIds: orphans.items.map((item) => item.id),
    ids: { sourceId: sourceIds, heldId: [held.held.id], ref: [`component:default/${prefix}-svc`] },
    secrets: [
      // Not the component's bare name: the harness sends it as `name` to every procedure with
      // that field (e.g. renaming one's own org), and an echo of one's own input is no leak.
      `component:default/${prefix}-svc`,
      `${prefix} Service Title`,
      `${prefix} service description`,
      `${prefix} Team Title`,
      `${prefix} Alice`,
      `${prefix}-alice@example.test`,
      `${prefix}-system`,
      `${prefix}-db-client`,
      `${prefix}-api`,
      `${prefix}-guarded`,
      `${prefix}-orphan-a`,
      `${prefix}-tag`,
      `upload:${prefix}-main`,
      main.source.id,
      held.held.id,
    ],
  };
}

/** Values the harness cannot guess, aimed at the victim's real catalog rows. */
export const catalogFieldValues: Record<string, (side: TenantSide) => unknown> = {
  kind: () => "component",
  namespace: () => "default",
  name: (side) => (side as TenantSide & { catalog: CatalogSeed }).catalog.componentName,
  team: (side) => (side as TenantSide & { catalog: CatalogSeed }).catalog.groupName,
  user: (side) => (side as TenantSide & { catalog: CatalogSeed }).catalog.userName,
  entityIds: (side) => (side as TenantSide & { catalog: CatalogSeed }).catalog.orphanIds,
};

/** Everything in a tenant's catalog that a cross-tenant call must not change. */
export async function catalogSnapshot(db: TenantDb) {
  const entities = await db.catalogReads.list({ filters: {}, limit: 1_000 });
  return {
    entities: entities.map((entity) => [entity.ref, entity.contentHash, entity.sourceId, entity.orphanedAt?.toISOString() ?? null]),
    sources: (await db.catalogSources.list()).map((source) => [source.id, source.name, source.entityCount]),
    held: (await db.catalogWrites.listHeld()).map((held) => held.id),
    conflicts: (await db.catalogWrites.listConflicts()).map((conflict) => [conflict.id, conflict.ref]),
  };
}
