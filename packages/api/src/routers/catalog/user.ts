import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { describeRefs, ownedBy, profileOf } from "./people";
import { inOrder, notFound } from "./schemas";

export const ZUserInput = z.object({
  namespace: z.string().trim().min(1).max(63).default("default"),
  user: z.string().trim().min(1, "Name a person").max(253),
});

/** The user page: the User entity, the groups it is a member of, and what it owns directly or through them. */
export const userProcedure = orgProcedure.input(ZUserInput).query(async ({ ctx, input }) => {
  const ref = `user:${input.namespace}/${input.user}`.toLowerCase();
  const [entity, relations] = await inOrder(() => ctx.db.catalogReads.getByRef(ref), () => ctx.db.catalogReads.relationsOf(ref));
  const groupRefs = [...new Set(relations.filter((relation) => relation.type === "memberOf").map((relation) => relation.targetRef))];
  const [groups, owned] = await inOrder(() => describeRefs(ctx.db, groupRefs), () => ownedBy(ctx.db, [ref, ...groupRefs]));
  if (!entity && relations.length === 0) throw notFound("This person is not in the catalog");
  return {
    ref,
    exists: entity !== null,
    name: entity?.name ?? input.user,
    namespace: entity?.namespace ?? input.namespace.toLowerCase(),
    title: entity?.title ?? null,
    description: entity?.description ?? null,
    profile: profileOf(entity?.document ?? null),
    groups,
    owned,
  };
});
