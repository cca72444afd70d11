import { router } from "../../trpc";
import { connectGithubProcedure } from "./connect";
import { connectVendorProcedure } from "./connect-vendor";
import { disconnectIntegrationProcedure } from "./disconnect";
import { getIntegrationProcedure } from "./get";
import { listIntegrationsProcedure } from "./list";
import { getRunProcedure } from "./run";
import { setPausedProcedure } from "./set-paused";
import { syncNowProcedure } from "./sync-now";
import { testConnectionProcedure } from "./test-connection";
import { testVendorConnectionProcedure } from "./test-vendor-connection";
import { updateIntegrationProcedure } from "./update";

export const integrationsRouter = router({
  list: listIntegrationsProcedure,
  get: getIntegrationProcedure,
  run: getRunProcedure,
  connectGithub: connectGithubProcedure,
  connectVendor: connectVendorProcedure,
  testVendorConnection: testVendorConnectionProcedure,
  testConnection: testConnectionProcedure,
  update: updateIntegrationProcedure,
  setPaused: setPausedProcedure,
  syncNow: syncNowProcedure,
  disconnect: disconnectIntegrationProcedure,
});
