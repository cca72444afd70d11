import { z } from "zod";

import { orgProcedure } from "../../trpc";
import { describeRefs, ownedBy, profileOf } from "./people";
import { inOrder, notFound } from "./schemas";

export const ZTeamInput = z.object({
  namespace: z.string().trim().min(1).max(63).default("default"),
  team: z.string().trim().min(1, "Name a team").max(253),
});

/**
 * The team page: the Group entity, its members (hasMember), what it owns (ownerOf), its child
 * teams (parentOf) and parent (childOf). A group referenced as an owner but not in the catalog
 * yet still gets a page listing what it owns.
 */
export const teamProcedure = orgProcedure.input(ZTeamInput).query(async ({ ctx, input }) => {
  const ref = `group:${input.namespace}/${input.team}`.toLowerCase();
  const [entity, relations, owned] = await inOrder(() => ctx.db.catalogReads.getByRef(ref), () => ctx.db.catalogReads.relationsOf(ref), () => ownedBy(ctx.db, [ref]));
  if (!entity && owned.total === 0 && relations.length === 0) throw notFound("This team is not in the catalog");
  const targets = (type: string) => [...new Set(relations.filter((relation) => relation.type === type).map((relation) => relation.targetRef))];
  const [members, children, parents] = await inOrder(() => describeRefs(ctx.db, targets("hasMember")), () => describeRefs(ctx.db, targets("parentOf")), () => describeRefs(ctx.db, targets("childOf")));
  const spec = (entity?.document as { spec?: { type?: unknown } } | undefined)?.spec;
  return {
    ref,
    exists: entity !== null,
    name: entity?.name ?? input.team,
    namespace: entity?.namespace ?? input.namespace.toLowerCase(),
    title: entity?.title ?? null,
    description: entity?.description ?? null,
    type: typeof spec?.type === "string" ? spec.type : null,
    profile: profileOf(entity?.document ?? null),
    members,
    children,
    parent: parents[0] ?? null,
    owned,
  };
});
