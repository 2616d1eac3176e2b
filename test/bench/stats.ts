/** Small helpers shared by the benchmarks: percentiles and a fixed-width report. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export interface Summary {
  count: number;
  median: number;
  p99: number;
  mean: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return { count: sorted.length, median: percentile(sorted, 50), p99: percentile(sorted, 99), mean };
}

export const ms = (n: number) => `${n.toFixed(3)} ms`;
