import { adminProcedure } from "../../trpc";
import { publicIntegration } from "./shared";

/** The org's integrations; never their credentials (they are sealed and stay in the server). */
export const listIntegrationsProcedure = adminProcedure.query(async ({ ctx }) => (await ctx.db.integrations.list()).map(publicIntegration));
