import { router } from "../../trpc";
import { badgesProcedure } from "./badges";
import { burningProcedure } from "./burning";
import { confirmMappingProcedure } from "./confirm-mapping";
import { entityOperationsProcedure } from "./entity";
import { removeMappingProcedure } from "./remove-mapping";
import { serviceMappingsProcedure } from "./service-mappings";
import { teamOnCallProcedure } from "./team-on-call";
import { triggerIncidentProcedure } from "./trigger-incident";

export const operationsRouter = router({
  entity: entityOperationsProcedure,
  badges: badgesProcedure,
  burning: burningProcedure,
  teamOnCall: teamOnCallProcedure,
  triggerIncident: triggerIncidentProcedure,
  serviceMappings: serviceMappingsProcedure,
  confirmMapping: confirmMappingProcedure,
  removeMapping: removeMappingProcedure,
});
