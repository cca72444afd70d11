import { router } from "../../trpc";
import { connectGithubProcedure } from "./connect";
import { disconnectIntegrationProcedure } from "./disconnect";
import { getIntegrationProcedure } from "./get";
import { listIntegrationsProcedure } from "./list";
import { getRunProcedure } from "./run";
import { setPausedProcedure } from "./set-paused";
import { syncNowProcedure } from "./sync-now";
import { testConnectionProcedure } from "./test-connection";
import { updateIntegrationProcedure } from "./update";

export const integrationsRouter = router({
  list: listIntegrationsProcedure,
  get: getIntegrationProcedure,
  run: getRunProcedure,
  connectGithub: connectGithubProcedure,
  testConnection: testConnectionProcedure,
  update: updateIntegrationProcedure,
  setPaused: setPausedProcedure,
  syncNow: syncNowProcedure,
  disconnect: disconnectIntegrationProcedure,
});
