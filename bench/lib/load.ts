/** A closed-loop load generator: `concurrency` workers each send one request after another. */
export interface LoadResult {
  requests: number;
  errors: number;
  durationMs: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One decimal place, for the report. */
function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function runLoad(options: {
  concurrency: number;
  durationMs: number;
  maxRequests?: number;
  send: (worker: number, i: number) => Promise<boolean>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const limit = options.maxRequests ?? Number.POSITIVE_INFINITY;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      while (performance.now() < deadline && sent < limit) {
        const i = sent++;
        const t0 = performance.now();
        const ok = await options.send(worker, i).catch(() => false);
        latencies.push(performance.now() - t0);
        if (!ok) errors++;
      }
    }),
  );
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    durationMs: Math.round(durationMs),
    perSecond: round((latencies.length / durationMs) * 1000),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? Number.NaN),
  };
}
