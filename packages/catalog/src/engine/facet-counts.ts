import { ALL_KINDS, type EntityRow, type FacetDelta, type FacetValues, type TenantDb } from "@greenroom/db";

/** The facet values one entity contributes (the `tag` facet once per distinct tag). */
function contributions(values: FacetValues): { facet: string; value: string }[] {
  const out: { facet: string; value: string }[] = [{ facet: "kind", value: values.kind }, { facet: "namespace", value: values.namespace }];
  if (values.specType) out.push({ facet: "type", value: values.specType });
  if (values.lifecycle) out.push({ facet: "lifecycle", value: values.lifecycle });
  if (values.ownerRef) out.push({ facet: "owner", value: values.ownerRef });
  if (values.systemRef) out.push({ facet: "system", value: values.systemRef });
  for (const tag of new Set(values.tags)) out.push({ facet: "tag", value: tag });
  return out;
}

/** Net change of the facet counts: −1 for every old value, +1 for every new one, zeros dropped. */
export function facetDeltas(removed: FacetValues[], added: EntityRow[]): FacetDelta[] {
  const totals = new Map<string, FacetDelta>();
  const add = (values: FacetValues, delta: number) => {
    for (const { facet, value } of contributions(values)) {
      // Counted per kind and once more under ALL_KINDS, so the unfiltered sidebar reads exactly
      // one row per value instead of summing every kind's.
      for (const kind of [values.kind, ALL_KINDS]) {
        const key = `${kind}\u0000${facet}\u0000${value}`;
        const entry = totals.get(key) ?? { kind, facet, value, delta: 0 };
        entry.delta += delta;
        totals.set(key, entry);
      }
    }
  };
  for (const values of removed) add(values, -1);
  for (const row of added) add(row, +1);
  return [...totals.values()].filter((entry) => entry.delta !== 0);
}

/** Deletes entities (with their derived rows) and takes them out of the facet counts. */
export async function deleteEntitiesCounted(db: TenantDb, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const previous = await db.catalogWrites.facetValuesOf(ids);
  await db.catalogWrites.deleteEntities(ids);
  const deltas = facetDeltas(previous, []);
  if (deltas.length) await db.catalogWrites.applyFacetDeltas(deltas);
}
