import { claimDueVendors } from "@/lib/monitor/claim";
import type { Dispatch } from "@/lib/monitor/dispatch";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { invalidateVendors } from "@/lib/cache/invalidate";
import { observedPoll } from "@/lib/monitor/observed-poll";
import type { PollResult } from "@/lib/monitor/poll-vendor";
import type { PollableVendor } from "@/lib/monitor/poll-state";
import type { Fetcher } from "@/lib/providers";

export interface SweepOptions {
  limit: number;
  concurrency: number;
  fetcher?: Fetcher;
  now?: () => Date;
  /** Told after polls changed something (see lib/monitor/dispatch.ts). */
  dispatch?: Dispatch;
}

/** Runs `fn` over `items` with at most `concurrency` in flight. */
export async function mapPool<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** After polls: one write for all heartbeats, then cache invalidation and the outbox's consumer told. */
export async function settlePolls(
  results: PollResult[],
  heartbeats: HeartbeatBuffer,
  dispatch?: Dispatch,
): Promise<void> {
  await heartbeats.flush();
  const changed = results.filter((r) => r.outcome === "changed").map((r) => r.slug);
  if (changed.length) {
    await invalidateVendors(changed);
    await dispatch?.();
  }
}

/** Polls a given list of vendors once (CLI, Inngest steps, tests). */
export async function pollVendors(vendors: PollableVendor[], opts: Omit<SweepOptions, "limit">): Promise<PollResult[]> {
  const heartbeats = new HeartbeatBuffer();
  const results = await mapPool(vendors, opts.concurrency, (v) => observedPoll(v, heartbeats, opts));
  await settlePolls(results, heartbeats, opts.dispatch);
  return results;
}

/** Claims what is due and polls it: one bounded batch. */
export async function sweepOnce(opts: SweepOptions): Promise<PollResult[]> {
  const due = await claimDueVendors(opts.limit, opts.now?.());
  return pollVendors(due, opts);
}

export function summarise(results: PollResult[]) {
  return {
    polled: results.length,
    changed: results.filter((r) => r.outcome === "changed").length,
    failed: results.filter((r) => r.outcome === "failed").length,
  };
}
