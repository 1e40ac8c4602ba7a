// Latency figures the HTTP benchmarks print: one definition of a percentile and of a route's result.

/** What a benchmark reports for one route: throughput, latency percentiles (ms) and failed requests. */
export interface RouteResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** The p-th percentile (nearest rank) of ascending latencies; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
