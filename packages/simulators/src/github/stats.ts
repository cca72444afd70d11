// Request accounting, so a benchmark or test can read what the connector actually cost without
// trusting the connector's own numbers.

export type GithubStats = {
  requests: number;
  notModified: number;
  primaryLimited: number;
  secondaryLimited: number;
  faultsInjected: number;
  /** Budget actually spent, per rate-limit resource (GraphQL counts points). */
  spent: Record<string, number>;
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
};

export class StatsRecorder {
  private data: GithubStats = StatsRecorder.empty();

  static empty(): GithubStats {
    return { requests: 0, notModified: 0, primaryLimited: 0, secondaryLimited: 0, faultsInjected: 0, spent: {}, byEndpoint: {}, byStatus: {} };
  }

  request(endpoint: string, status: number): void {
    this.data.requests++;
    this.data.byEndpoint[endpoint] = (this.data.byEndpoint[endpoint] ?? 0) + 1;
    this.data.byStatus[status] = (this.data.byStatus[status] ?? 0) + 1;
    if (status === 304) this.data.notModified++;
  }

  spend(resource: string, cost: number): void {
    this.data.spent[resource] = (this.data.spent[resource] ?? 0) + cost;
  }

  count(kind: "primaryLimited" | "secondaryLimited" | "faultsInjected"): void {
    this.data[kind]++;
  }

  snapshot(): GithubStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = StatsRecorder.empty();
  }
}
