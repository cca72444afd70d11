import { router } from "../../trpc";
import { createOrganizationProcedure } from "./create";
import { getOrganizationProcedure } from "./get";
import { updateOrganizationSettingsProcedure } from "./update-settings";

export const organizationRouter = router({
  create: createOrganizationProcedure,
  get: getOrganizationProcedure,
  updateSettings: updateOrganizationSettingsProcedure,
});
