import { type Lane, claimDueVendors } from "@/lib/monitor/claim";
import type { Dispatch } from "@/lib/monitor/dispatch";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { invalidateVendors } from "@/lib/cache/invalidate";
import { pollVendor } from "@/lib/monitor/poll-vendor";
import { pruneHistory } from "@/lib/monitor/prune";
import type { Fetcher } from "@/lib/providers";

export interface SchedulerOptions {
  /** Polls in flight at once for vendors that answer (the fetcher also caps each host). */
  healthyConcurrency?: number;
  /** ...and for vendors never reached yet or failing, which mostly wait on timeouts. */
  probationConcurrency?: number;
  tickMs?: number;
  flushMs?: number;
  summaryEveryMs?: number;
  stopGraceMs?: number;
  fetcher?: Fetcher;
  /** Told after polls changed something, so the outbox's consumer picks the news up promptly. */
  dispatch?: Dispatch;
  log?: (line: string) => void;
}

const DAY = 86_400_000;

/**
 * The embedded default: the same poll, diff and dispatch code the Inngest functions run, driven
 * in-process. There is no batch barrier: whenever a poll finishes, its slot goes to the next due
 * vendor of its lane, so a slow host delays only itself, and failing vendors cannot take the slots
 * of healthy ones. Heartbeats, cache invalidation and event delivery are batched on a short timer.
 */
export function startScheduler(opts: SchedulerOptions = {}): { stop(): Promise<void> } {
  const log = opts.log ?? ((line: string) => console.log(`[scheduler] ${line}`));
  const heartbeats = new HeartbeatBuffer();
  const lanes: Array<{ lane: Lane; concurrency: number; inFlight: Set<Promise<void>>; claiming: boolean }> = [
    { lane: "healthy", concurrency: opts.healthyConcurrency ?? 128, inFlight: new Set(), claiming: false },
    { lane: "probation", concurrency: opts.probationConcurrency ?? 256, inFlight: new Set(), claiming: false },
  ];
  let changedSlugs = new Set<string>();
  let stopped = false;
  let lastPrune = 0;
  const tally = { polled: 0, changed: 0, failed: 0, since: Date.now() };

  const fill = async (l: (typeof lanes)[number]) => {
    if (stopped || l.claiming || l.inFlight.size >= l.concurrency) return;
    l.claiming = true;
    try {
      for (const vendor of await claimDueVendors(l.concurrency - l.inFlight.size, new Date(), l.lane)) {
        const run = pollVendor(vendor, heartbeats, { fetcher: opts.fetcher })
          .then((r) => {
            tally.polled++;
            if (r.outcome === "changed") {
              tally.changed++;
              changedSlugs.add(r.slug);
            } else if (r.outcome === "failed") tally.failed++;
          })
          .catch((e: unknown) => log(`poll of ${vendor.slug} crashed: ${e instanceof Error ? e.message : String(e)}`))
          .finally(() => {
            l.inFlight.delete(run);
            void fill(l);
          });
        l.inFlight.add(run);
      }
    } catch (e) {
      log(`claim failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      l.claiming = false;
    }
  };
  const fillAll = () => lanes.forEach((l) => void fill(l));

  const settle = async () => {
    try {
      await heartbeats.flush();
      const slugs = [...changedSlugs];
      changedSlugs = new Set();
      if (slugs.length) {
        await invalidateVendors(slugs);
        await opts.dispatch?.();
      }
      if (Date.now() - tally.since >= (opts.summaryEveryMs ?? 60_000)) {
        const busy = lanes.map((l) => `${l.inFlight.size} ${l.lane}`).join(", ");
        log(
          `polled ${tally.polled} (${tally.changed} changed, ${tally.failed} failed) in the last ${Math.round((Date.now() - tally.since) / 1000)}s; in flight: ${busy}`,
        );
        Object.assign(tally, { polled: 0, changed: 0, failed: 0, since: Date.now() });
      }
      if (Date.now() - lastPrune > DAY) {
        lastPrune = Date.now();
        await pruneHistory();
      }
    } catch (e) {
      log(`settle failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const tick = setInterval(fillAll, opts.tickMs ?? 1000);
  const flush = setInterval(() => void settle(), opts.flushMs ?? 2000);
  fillAll();
  return {
    async stop() {
      stopped = true;
      clearInterval(tick);
      clearInterval(flush);
      // Polls waiting on a dead host's timeouts are abandoned after a short grace: their vendors
      // were claimed (their next due time moved on), so nothing is lost but one attempt.
      const grace = new Promise((r) => setTimeout(r, opts.stopGraceMs ?? 3000).unref());
      await Promise.race([Promise.allSettled(lanes.flatMap((l) => [...l.inFlight])), grace]);
      await settle();
    },
  };
}
