import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../tx";

/** One operational record as stored (see packages/connectors/src/framework/ops-records.ts). */
export type OpsRecordRow = {
  integrationId: string;
  type: string;
  externalId: string;
  title: string;
  links: string[];
  state: string | null;
  url: string | null;
  occurredAt: Date | null;
  data: Prisma.JsonValue;
  contentHash: string;
  updatedAt: Date;
};

export type OpsRecordWrite = Omit<OpsRecordRow, "integrationId" | "updatedAt">;
export type OpsRecordKey = { type: string; externalId: string; contentHash: string };
export type OpsMappingRecord = { integrationId: string; linkKey: string; entityRef: string; confirmedById: string | null; createdAt: Date };

const recordSelect = {
  integrationId: true,
  type: true,
  externalId: true,
  title: true,
  links: true,
  state: true,
  url: true,
  occurredAt: true,
  data: true,
  contentHash: true,
  updatedAt: true,
} as const;

const CHUNK = 2_000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

// Whole columns as arrays, unnested server-side: one round trip per 2,000 rows (a Datadog org
// can have 20,000 monitors). Ragged values (links, data) travel as JSON text.
function columns(rows: OpsRecordWrite[]) {
  return [
    rows.map((row) => row.type),
    rows.map((row) => row.externalId),
    rows.map((row) => row.title),
    rows.map((row) => JSON.stringify(row.links)),
    rows.map((row) => row.state),
    rows.map((row) => row.url),
    rows.map((row) => row.occurredAt?.toISOString() ?? null),
    rows.map((row) => JSON.stringify(row.data)),
    rows.map((row) => row.contentHash),
  ];
}

const UNNEST_RECORD = `unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[], $11::text[])
  AS u(type, external_id, title, links, state, url, occurred_at, data, content_hash)`;

export function opsRecordsRepo(tx: Tx, tenantId: string) {
  return {
    /** Keys and hashes of what an integration stored (the diff needs nothing more). */
    keysOf: (integrationId: string): Promise<OpsRecordKey[]> =>
      tx.opsRecord.findMany({ where: { tenantId, integrationId }, select: { type: true, externalId: true, contentHash: true } }),

    insert: async (integrationId: string, rows: OpsRecordWrite[]): Promise<void> => {
      for (const part of chunks(rows)) {
        await tx.$executeRawUnsafe(
          `INSERT INTO ops_records (tenant_id, integration_id, type, external_id, title, links, state, url, occurred_at, data, content_hash)
           SELECT $1::uuid, $2::uuid, u.type, u.external_id, u.title, ARRAY(SELECT jsonb_array_elements_text(u.links::jsonb)),
             u.state, u.url, u.occurred_at, u.data::jsonb, u.content_hash
           FROM ${UNNEST_RECORD}`,
          tenantId,
          integrationId,
          ...columns(part),
        );
      }
    },

    update: async (integrationId: string, rows: OpsRecordWrite[]): Promise<void> => {
      for (const part of chunks(rows)) {
        await tx.$executeRawUnsafe(
          `UPDATE ops_records r SET title = u.title, links = ARRAY(SELECT jsonb_array_elements_text(u.links::jsonb)), state = u.state,
             url = u.url, occurred_at = u.occurred_at, data = u.data::jsonb, content_hash = u.content_hash, updated_at = now()
           FROM ${UNNEST_RECORD}
           WHERE r.tenant_id = $1::uuid AND r.integration_id = $2::uuid AND r.type = u.type AND r.external_id = u.external_id`,
          tenantId,
          integrationId,
          ...columns(part),
        );
      }
    },

    remove: async (integrationId: string, keys: { type: string; externalId: string }[]): Promise<void> => {
      for (const part of chunks(keys)) {
        await tx.$executeRaw`DELETE FROM ops_records r USING unnest(${part.map((key) => key.type)}::text[], ${part.map((key) => key.externalId)}::text[]) AS u(type, external_id)
          WHERE r.tenant_id = ${tenantId}::uuid AND r.integration_id = ${integrationId}::uuid AND r.type = u.type AND r.external_id = u.external_id`;
      }
    },

    /** Records carrying any of these link keys, optionally of some types only. */
    byLinks: (links: string[], filter: { types?: string[]; states?: string[] } = {}): Promise<OpsRecordRow[]> =>
      links.length === 0
        ? Promise.resolve([])
        : tx.opsRecord.findMany({
            where: { tenantId, links: { hasSome: links }, ...(filter.types ? { type: { in: filter.types } } : {}), ...(filter.states ? { state: { in: filter.states } } : {}) },
            select: recordSelect,
            orderBy: [{ occurredAt: { sort: "desc", nulls: "last" } }, { externalId: "asc" }],
            take: 2_000,
          }),

    /** Records of a type in given states (open incidents, alerting monitors), newest first. */
    inStates: (type: string, states: string[], limit = 500): Promise<OpsRecordRow[]> =>
      tx.opsRecord.findMany({
        where: { tenantId, type, state: { in: states } },
        select: recordSelect,
        orderBy: [{ occurredAt: { sort: "desc", nulls: "last" } }, { externalId: "asc" }],
        take: Math.min(Math.max(limit, 1), 2_000),
      }),

    ofType: (type: string, options: { integrationId?: string; limit?: number } = {}): Promise<OpsRecordRow[]> =>
      tx.opsRecord.findMany({
        where: { tenantId, type, ...(options.integrationId ? { integrationId: options.integrationId } : {}) },
        select: recordSelect,
        orderBy: [{ title: "asc" }, { externalId: "asc" }],
        take: Math.min(Math.max(options.limit ?? 500, 1), 5_000),
      }),

    find: (integrationId: string, type: string, externalId: string): Promise<OpsRecordRow | null> =>
      tx.opsRecord.findUnique({ where: { tenantId_integrationId_type_externalId: { tenantId, integrationId, type, externalId } }, select: recordSelect }),

    countByType: async (integrationId: string): Promise<Record<string, number>> => {
      const rows = await tx.opsRecord.groupBy({ by: ["type"], where: { tenantId, integrationId }, _count: { _all: true } });
      return Object.fromEntries(rows.map((row) => [row.type, row._count._all]));
    },
  };
}

export function opsMappingsRepo(tx: Tx, tenantId: string) {
  const select = { integrationId: true, linkKey: true, entityRef: true, confirmedById: true, createdAt: true } as const;
  return {
    list: (integrationId?: string): Promise<OpsMappingRecord[]> =>
      tx.opsEntityMapping.findMany({ where: { tenantId, ...(integrationId ? { integrationId } : {}) }, select, orderBy: { createdAt: "asc" } }),
    forEntities: (entityRefs: string[]): Promise<OpsMappingRecord[]> =>
      entityRefs.length === 0 ? Promise.resolve([]) : tx.opsEntityMapping.findMany({ where: { tenantId, entityRef: { in: entityRefs } }, select }),
    upsert: (input: { integrationId: string; linkKey: string; entityRef: string; confirmedById: string | null }): Promise<OpsMappingRecord> =>
      tx.opsEntityMapping.upsert({
        where: { tenantId_integrationId_linkKey: { tenantId, integrationId: input.integrationId, linkKey: input.linkKey } },
        create: { tenantId, ...input },
        update: { entityRef: input.entityRef, confirmedById: input.confirmedById },
        select,
      }),
    remove: async (integrationId: string, linkKey: string): Promise<boolean> => {
      const { count } = await tx.opsEntityMapping.deleteMany({ where: { tenantId, integrationId, linkKey } });
      return count === 1;
    },
  };
}

export type LinkedEntity = { ref: string; kind: string; name: string; title: string | null; ownerRef: string | null; annotations: Record<string, string> };

/** Catalog entities as the operations views need them: their refs, owners and link annotations. */
export function opsEntitiesRepo(tx: Tx, tenantId: string) {
  return {
    byRefs: (refs: string[]): Promise<LinkedEntity[]> =>
      refs.length === 0
        ? Promise.resolve([])
        : tx.$queryRaw<LinkedEntity[]>`SELECT ref, kind, name, title, owner_ref AS "ownerRef", COALESCE(document->'metadata'->'annotations', '{}'::jsonb) AS annotations
            FROM catalog_entities WHERE tenant_id = ${tenantId}::uuid AND ref = ANY(${refs}::text[])`,
    /**
     * Entities a set of upstream objects link to: by the PagerDuty service id annotation, the
     * Datadog service-name annotation, or (Datadog's own identity) a component named like the service.
     */
    linkedTo: (input: { pagerdutyServiceIds: string[]; datadogServices: string[] }): Promise<LinkedEntity[]> =>
      input.pagerdutyServiceIds.length === 0 && input.datadogServices.length === 0
        ? Promise.resolve([])
        : tx.$queryRaw<LinkedEntity[]>`SELECT ref, kind, name, title, owner_ref AS "ownerRef", COALESCE(document->'metadata'->'annotations', '{}'::jsonb) AS annotations
            FROM catalog_entities WHERE tenant_id = ${tenantId}::uuid AND (
              document->'metadata'->'annotations'->>'pagerduty.com/service-id' = ANY(${input.pagerdutyServiceIds}::text[])
              OR lower(document->'metadata'->'annotations'->>'datadoghq.com/service-name') = ANY(${input.datadogServices}::text[])
              OR (kind = 'component' AND lower(name) = ANY(${input.datadogServices}::text[])))`,
    /** Components and systems named like any of `names` (lower-cased), for mapping suggestions. */
    namedLike: (names: string[]): Promise<LinkedEntity[]> =>
      names.length === 0
        ? Promise.resolve([])
        : tx.$queryRaw<LinkedEntity[]>`SELECT ref, kind, name, title, owner_ref AS "ownerRef", COALESCE(document->'metadata'->'annotations', '{}'::jsonb) AS annotations
            FROM catalog_entities WHERE tenant_id = ${tenantId}::uuid AND kind IN ('component', 'system', 'resource')
              AND regexp_replace(lower(name), '[^a-z0-9]', '', 'g') = ANY(${names}::text[]) LIMIT 2000`,
    /** What a group owns (the team page's on-call panel). */
    ownedBy: (ownerRef: string, limit = 500): Promise<LinkedEntity[]> =>
      tx.$queryRaw<LinkedEntity[]>`SELECT ref, kind, name, title, owner_ref AS "ownerRef", COALESCE(document->'metadata'->'annotations', '{}'::jsonb) AS annotations
            FROM catalog_entities WHERE tenant_id = ${tenantId}::uuid AND owner_ref = ${ownerRef} ORDER BY name LIMIT ${limit}`,
  };
}
