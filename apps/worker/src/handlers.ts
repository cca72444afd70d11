import type { JobName, JobPayload } from "@greenroom/queue";

import { sendEmail } from "./jobs/send-email";

/** One handler per registered job name: adding a job to the registry without one fails to compile. */
export const handlers: { [N in JobName]: (payload: JobPayload<N>) => Promise<unknown> } = {
  "email.send": sendEmail,
};
