import { RequestStats, type RequestTally } from "../shared/stats";

// GitHub's request accounting: the shared counters plus conditional requests answered 304 and
// the budget actually spent per rate-limit resource.

export type GithubStats = RequestTally & {
  notModified: number;
  primaryLimited: number;
  secondaryLimited: number;
  /** Budget actually spent, per rate-limit resource (GraphQL counts points). */
  spent: Record<string, number>;
};

export class StatsRecorder extends RequestStats<GithubStats, "primaryLimited" | "secondaryLimited" | "faultsInjected"> {
  constructor() {
    super(() => ({ requests: 0, notModified: 0, primaryLimited: 0, secondaryLimited: 0, faultsInjected: 0, spent: {}, byEndpoint: {}, byStatus: {} }));
  }

  override request(endpoint: string, status: number): void {
    super.request(endpoint, status);
    if (status === 304) this.data.notModified++;
  }

  spend(resource: string, cost: number): void {
    this.data.spent[resource] = (this.data.spent[resource] ?? 0) + cost;
  }
}
