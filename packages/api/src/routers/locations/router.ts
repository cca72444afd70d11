import { router } from "../../trpc";
import { listLocationsProcedure } from "./list";
import { refreshLocationProcedure } from "./refresh";
import { registerLocationProcedure } from "./register";
import { removeLocationProcedure } from "./remove";

export const locationsRouter = router({
  list: listLocationsProcedure,
  register: registerLocationProcedure,
  refresh: refreshLocationProcedure,
  remove: removeLocationProcedure,
});
