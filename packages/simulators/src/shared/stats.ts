// Request accounting, so a benchmark or test can read what a connector actually cost without
// trusting the connector's own numbers. Every vendor counts requests per endpoint and status and
// the faults it injected; each adds its own counters (rate-limited answers, auth failures, …).

export type RequestTally = {
  requests: number;
  faultsInjected: number;
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
};

export class RequestStats<T extends RequestTally, Counter extends keyof T> {
  protected data: T;

  constructor(private readonly empty: () => T) {
    this.data = empty();
  }

  request(endpoint: string, status: number): void {
    this.data.requests++;
    this.data.byEndpoint[endpoint] = (this.data.byEndpoint[endpoint] ?? 0) + 1;
    this.data.byStatus[status] = (this.data.byStatus[status] ?? 0) + 1;
  }

  count(kind: Counter): void {
    const counters = this.data as unknown as Record<Counter, number>;
    counters[kind]++;
  }

  snapshot(): T {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = this.empty();
  }
}
