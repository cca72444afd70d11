/** Latency statistics over measured samples, in milliseconds. */
export type Summary = { n: number; mean: number; p50: number; p95: number; p99: number };

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, mean, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export async function measure(iterations: number, run: () => Promise<unknown>, warmup = Math.min(50, iterations)): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/** Runs `clients` loops at once, each doing `iterations` calls; returns per-call latencies. */
export async function measureConcurrent(clients: number, iterations: number, run: () => Promise<unknown>): Promise<Summary> {
  const samples: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        await run();
        samples.push(performance.now() - started);
      }
    }),
  );
  return summarise(samples);
}

export function formatMs(value: number): string {
  return `${value.toFixed(2)} ms`;
}

export function printTable(title: string, rows: { label: string; summary: Summary }[]): void {
  console.log(`\n${title}`);
  console.log(`  ${"".padEnd(44)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"p99".padStart(10)} ${"mean".padStart(10)}`);
  for (const { label, summary } of rows) {
    console.log(
      `  ${label.padEnd(44)} ${formatMs(summary.p50).padStart(10)} ${formatMs(summary.p95).padStart(10)} ${formatMs(summary.p99).padStart(10)} ${formatMs(summary.mean).padStart(10)}`,
    );
  }
}
