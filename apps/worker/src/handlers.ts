import { reconcileBilling, syncSeats } from "@greenroom/billing";
import { CONNECTORS, runIntegrationSync, syncGithubRepo } from "@greenroom/connectors";
import type { JobContext, JobName, JobPayload } from "@greenroom/queue";

import { sendEmail } from "./jobs/send-email";

/** One handler per registered job name: adding a job to the registry without one fails to compile. */
export const handlers: { [N in JobName]: (payload: JobPayload<N>, job: JobContext) => Promise<unknown> } = {
  "email.send": sendEmail,
  "billing.sync-seats": ({ tenantId }) => syncSeats(tenantId),
  "billing.reconcile": () => reconcileBilling(),
  "integration.sync": (payload, job) => runIntegrationSync(payload, job, { connectors: CONNECTORS }),
  "integration.sync-repo": (payload, job) => syncGithubRepo(payload, job),
};
