import http from "node:http";

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Mean body size of the 200 answers. */
  bytes: number;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Closed-loop load: `concurrency` keep-alive clients request `url` back to back for `seconds`
 * (given several URLs, each request takes the next one in turn). Anything but a 200 is an error.
 */
export async function load(
  url: string | string[],
  concurrency: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const urls = Array.isArray(url) ? url : [url];
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(
        urls[next++ % urls.length] as string,
        { agent, headers: { "accept-encoding": "identity", ...headers } },
        (res) => {
          let size = 0;
          res.on("data", (chunk: Buffer) => (size += chunk.length));
          res.on("end", () => {
            if (res.statusCode === 200) {
              latencies.push(performance.now() - t0);
              bytes += size;
            } else errors++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await one();
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    seconds: elapsed,
    rps: sorted.length / elapsed,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
    bytes: sorted.length ? bytes / sorted.length : 0,
  };
}
