import { listLocations } from "../../locations/location-service";
import { orgProcedure } from "../../trpc";

export const listLocationsProcedure = orgProcedure.query(({ ctx }) => listLocations(ctx.db));
