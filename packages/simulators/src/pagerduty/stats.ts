import { RequestStats, type RequestTally } from "../shared/stats";

// PagerDuty's request accounting: the shared counters plus 429s and Events API events taken.

export type PagerdutyStats = RequestTally & { rateLimited: number; events: number };

export class PagerdutyStatsRecorder extends RequestStats<PagerdutyStats, "rateLimited" | "faultsInjected" | "events"> {
  constructor() {
    super(() => ({ requests: 0, byEndpoint: {}, byStatus: {}, rateLimited: 0, faultsInjected: 0, events: 0 }));
  }
}
