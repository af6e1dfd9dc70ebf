import { type Lane, claimDueVendors } from "@/lib/monitor/claim";
import type { Dispatch } from "@/lib/monitor/dispatch";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { invalidateVendors } from "@/lib/cache/invalidate";
import { type Logger, logger } from "@/lib/log";
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
  log?: Logger;
}

const DAY = 86_400_000;

/**
 * The embedded default: the same poll, diff and dispatch code the Inngest functions run, driven
 * in-process. There is no batch barrier: whenever a poll finishes, its slot goes to the next due
 * vendor of its lane, so a slow host delays only itself, and failing vendors cannot take the slots
 * of healthy ones. Heartbeats, cache invalidation and event delivery are batched on a short timer.
 */
export function startScheduler(opts: SchedulerOptions = {}): { stop(): Promise<void> } {
  const log = opts.log ?? logger("scheduler");
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
        const started = performance.now();
        const run = pollVendor(vendor, heartbeats, { fetcher: opts.fetcher })
          .then((r) => {
            const durationMs = Math.round(performance.now() - started);
            tally.polled++;
            if (r.outcome === "changed") {
              tally.changed++;
              changedSlugs.add(r.slug);
              log.info("poll", { vendor: r.slug, durationMs, outcome: r.outcome, changes: r.changes.length });
            } else if (r.outcome === "failed") {
              tally.failed++;
              log.debug("poll", { vendor: r.slug, durationMs, outcome: r.outcome, error: r.error });
            } else log.debug("poll", { vendor: r.slug, durationMs, outcome: r.outcome });
          })
          .catch((err: unknown) => log.error("poll.crashed", { vendor: vendor.slug, err }))
          .finally(() => {
            l.inFlight.delete(run);
            void fill(l);
          });
        l.inFlight.add(run);
      }
    } catch (err) {
      log.error("claim.failed", { lane: l.lane, err });
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
        log.info("summary", {
          polled: tally.polled,
          changed: tally.changed,
          failed: tally.failed,
          periodSeconds: Math.round((Date.now() - tally.since) / 1000),
          inFlight: Object.fromEntries(lanes.map((l) => [l.lane, l.inFlight.size])),
        });
        Object.assign(tally, { polled: 0, changed: 0, failed: 0, since: Date.now() });
      }
      if (Date.now() - lastPrune > DAY) {
        lastPrune = Date.now();
        await pruneHistory();
      }
    } catch (err) {
      log.error("settle.failed", { err });
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
