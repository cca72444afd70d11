import { operationsForEntity } from "@greenroom/operations";

import { orgProcedure } from "../../trpc";
import { notFound, refOf, ZEntityName } from "../catalog/schemas";

/** The entity page's Operations tab: on call, incidents, monitors, SLOs, freshness. */
export const entityOperationsProcedure = orgProcedure.input(ZEntityName).query(async ({ ctx, input }) => {
  const operations = await operationsForEntity(ctx.db, refOf(input));
  if (!operations) throw notFound();
  return operations;
});
