import { readEntityPage } from "@greenroom/catalog/reads";

import { orgProcedure } from "../../trpc";
import { readScope } from "./read-scope";
import { notFound, refOf, ZEntityName } from "./schemas";

export const ZEntityInput = ZEntityName;

/** The entity page: the original document, where it came from, and every relation with whether its target exists. */
export const entityProcedure = orgProcedure.input(ZEntityInput).query(async ({ ctx, input }) => {
  const page = await readEntityPage(readScope(ctx), refOf(input));
  if (!page) throw notFound();
  const { entity, relations, source, domainRef } = page;
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
    source,
    relations,
  };
});
