import { router } from "../../trpc";
import { confirmHeldProcedure } from "./confirm-held";
import { listConflictsProcedure } from "./conflicts";
import { discardHeldProcedure } from "./discard-held";
import { entityProcedure } from "./entity";
import { catalogFacetsProcedure } from "./facets";
import { entityGraphProcedure } from "./graph";
import { listHeldMutationsProcedure } from "./held-mutations";
import { importYamlProcedure } from "./import-yaml";
import { listEntitiesProcedure } from "./list";
import { listOrphansProcedure } from "./orphans";
import { removeOrphansProcedure } from "./remove-orphans";
import { removeSourceProcedure } from "./remove-source";
import { catalogSearchProcedure } from "./search";
import { listSourcesProcedure } from "./sources";
import { catalogStatsProcedure } from "./stats";
import { systemGraphProcedure } from "./system-graph";
import { teamProcedure } from "./team";
import { userProcedure } from "./user";

export const catalogRouter = router({
  list: listEntitiesProcedure,
  facets: catalogFacetsProcedure,
  stats: catalogStatsProcedure,
  entity: entityProcedure,
  graph: entityGraphProcedure,
  systemGraph: systemGraphProcedure,
  search: catalogSearchProcedure,
  importYaml: importYamlProcedure,
  sources: listSourcesProcedure,
  conflicts: listConflictsProcedure,
  heldMutations: listHeldMutationsProcedure,
  confirmHeld: confirmHeldProcedure,
  discardHeld: discardHeldProcedure,
  orphans: listOrphansProcedure,
  removeOrphans: removeOrphansProcedure,
  removeSource: removeSourceProcedure,
  team: teamProcedure,
  user: userProcedure,
});
