import { type Fetcher, createFetcher } from "@/lib/net/fetch";

let shared: Fetcher | undefined;

/**
 * The fetcher scheduled polls use: a tighter budget than an interactive check (the next poll is
 * seconds away, so one retry is enough), and one per-host limiter shared by every poll: at most 4
 * requests in flight and 10 started per second to any one host.
 */
export function monitorFetcher(): Fetcher {
  shared ??= createFetcher({
    deadlineMs: 10_000,
    connectTimeoutMs: 3_000,
    retries: 1,
    perHostConcurrency: 4,
    perHostMinIntervalMs: 100,
  });
  return shared;
}
