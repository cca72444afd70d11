import { prisma } from "../client";

/**
 * xmin of every catalog row of a tenant (entities, relations, tags, search documents, and the
 * operational records PagerDuty/Datadog syncs store beside them): it changes
 * whenever a row is written, so equal lists before and after prove a write touched nothing.
 */
export async function catalogRowVersions(tenantId: string): Promise<string[]> {
  return prisma().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    const rows = await tx.$queryRaw<{ v: string }[]>`
      SELECT 'e' || id || xmin::text AS v FROM catalog_entities WHERE tenant_id = ${tenantId}::uuid
      UNION ALL SELECT 'r' || origin_id || type || target_ref || xmin::text FROM catalog_relations WHERE tenant_id = ${tenantId}::uuid
      UNION ALL SELECT 't' || entity_id || tag || xmin::text FROM catalog_entity_tags WHERE tenant_id = ${tenantId}::uuid
      UNION ALL SELECT 's' || entity_id || xmin::text FROM catalog_search.documents WHERE tenant_id = ${tenantId}::uuid
      UNION ALL SELECT 'o' || integration_id || type || external_id || xmin::text FROM ops_records WHERE tenant_id = ${tenantId}::uuid
      ORDER BY 1`;
    return rows.map((row) => row.v);
  });
}
