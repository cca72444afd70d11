import { orgProcedure } from "../../trpc";
import { inOrder, notFound, refOf, ZEntityName } from "./schemas";

export const ZEntityInput = ZEntityName;

/** The entity page: the original document, where it came from, and every relation with whether its target exists. */
export const entityProcedure = orgProcedure.input(ZEntityInput).query(async ({ ctx, input }) => {
  const ref = refOf(input);
  const entity = await ctx.db.catalogReads.getByRef(ref);
  if (!entity) throw notFound();
  const [relations, source] = await inOrder(() => ctx.db.catalogReads.relationsOf(ref), () => entity.sourceId ? ctx.db.catalogSources.findById(entity.sourceId) : Promise.resolve(null));
  // The domain is the system's (components reach a domain through their system).
  const domainOf = (rows: { type: string; targetRef: string }[]) => rows.find((relation) => relation.type === "partOf" && relation.targetRef.startsWith("domain:"))?.targetRef ?? null;
  const domainRef =
    entity.kind === "system" ? domainOf(relations) : entity.systemRef ? domainOf(await ctx.db.catalogReads.relationsOf(entity.systemRef)) : null;
  return {
    id: entity.id,
    ref: entity.ref,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    title: entity.title,
    description: entity.description,
    type: entity.specType,
    lifecycle: entity.lifecycle,
    ownerRef: entity.ownerRef,
    systemRef: entity.systemRef,
    domainRef,
    tags: entity.tags,
    updatedAt: entity.updatedAt,
    orphan: entity.orphanedAt !== null,
    orphanedAt: entity.orphanedAt,
    document: entity.document,
    source: source ? { id: source.id, kind: source.kind, name: source.name, target: source.target, lastMutationAt: source.lastMutationAt } : null,
    relations,
  };
});
