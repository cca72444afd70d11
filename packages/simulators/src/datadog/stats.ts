import { RequestStats, type RequestTally } from "../shared/stats";

// Datadog's request accounting: the shared counters plus 429s and refused keys.

export type DatadogStats = RequestTally & { rateLimited: number; authFailures: number };

export class DatadogStatsRecorder extends RequestStats<DatadogStats, "rateLimited" | "authFailures" | "faultsInjected"> {
  constructor() {
    super(() => ({ requests: 0, rateLimited: 0, authFailures: 0, faultsInjected: 0, byEndpoint: {}, byStatus: {} }));
  }
}
