import { router } from "../../trpc";
import { meProcedure } from "./me";
import { signUpProcedure } from "./sign-up";

export const accountRouter = router({
  signUp: signUpProcedure,
  me: meProcedure,
});
