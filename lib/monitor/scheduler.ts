import { claimDueVendors } from "@/lib/monitor/claim";
import { dispatchPendingEvents } from "@/lib/monitor/dispatch";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { invalidateVendors } from "@/lib/monitor/invalidate";
import { pollVendor } from "@/lib/monitor/poll-vendor";
import { pruneHistory } from "@/lib/monitor/prune";
import type { Fetcher } from "@/lib/providers";

export interface SchedulerOptions {
  /** Polls in flight at once across all hosts (the fetcher also caps each host). */
  concurrency?: number;
  tickMs?: number;
  flushMs?: number;
  fetcher?: Fetcher;
  log?: (line: string) => void;
}

const DAY = 86_400_000;

/**
 * The embedded default: the same poll, diff and dispatch code the Inngest functions run, driven
 * in-process. There is no batch barrier: whenever a poll finishes, its slot goes to the next due
 * vendor, so one slow host delays only itself. Heartbeats, cache invalidation and event delivery
 * are batched on a short timer.
 */
export function startScheduler(opts: SchedulerOptions = {}): { stop(): Promise<void> } {
  const concurrency = opts.concurrency ?? 32;
  const log = opts.log ?? ((line: string) => console.log(`[scheduler] ${line}`));
  const heartbeats = new HeartbeatBuffer();
  const inFlight = new Set<Promise<void>>();
  let changedSlugs = new Set<string>();
  let stopped = false;
  let claiming = false;
  let lastPrune = 0;

  const fill = async () => {
    if (stopped || claiming || inFlight.size >= concurrency) return;
    claiming = true;
    try {
      const due = await claimDueVendors(concurrency - inFlight.size);
      for (const vendor of due) {
        const run = pollVendor(vendor, heartbeats, { fetcher: opts.fetcher })
          .then((r) => {
            if (r.outcome === "changed") changedSlugs.add(r.slug);
          })
          .catch((e: unknown) => log(`poll of ${vendor.slug} crashed: ${e instanceof Error ? e.message : String(e)}`))
          .finally(() => {
            inFlight.delete(run);
            void fill();
          });
        inFlight.add(run);
      }
    } catch (e) {
      log(`claim failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      claiming = false;
    }
  };

  const settle = async () => {
    try {
      await heartbeats.flush();
      const slugs = [...changedSlugs];
      changedSlugs = new Set();
      if (slugs.length) await invalidateVendors(slugs);
      await dispatchPendingEvents();
      if (Date.now() - lastPrune > DAY) {
        lastPrune = Date.now();
        await pruneHistory();
      }
    } catch (e) {
      log(`settle failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const tick = setInterval(() => void fill(), opts.tickMs ?? 1000);
  const flush = setInterval(() => void settle(), opts.flushMs ?? 2000);
  void fill();
  return {
    async stop() {
      stopped = true;
      clearInterval(tick);
      clearInterval(flush);
      await Promise.allSettled([...inFlight]);
      await settle();
    },
  };
}
