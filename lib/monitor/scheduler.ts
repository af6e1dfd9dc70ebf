import { claimDueVendors } from "@/lib/monitor/claim";
import type { Lane } from "@/lib/monitor/poll-state";
import type { Dispatch } from "@/lib/monitor/dispatch";
import { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { invalidateVendors } from "@/lib/cache/invalidate";
import { type Logger, logger } from "@/lib/log";
import { observedPoll } from "@/lib/monitor/observed-poll";
import { pruneHistory } from "@/lib/monitor/prune";
import { type PollerKind, PollerRecord } from "@/lib/ops/poller";
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
  log?: Logger;
  /** Told after polls changed something, so the outbox's consumer picks the news up promptly. */
  dispatch?: Dispatch;
  /** How this poller shows in the console: the server's scheduler, or a `vendorwatch poll` worker. */
  kind?: PollerKind;
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
  const poller = new PollerRecord(opts.kind ?? "scheduler");
  // A poll cycle is complete when polls finished since the last one, or no lane is full (nothing
  // more was due). Stuck slots or a failing claim record nothing, and the dead-man's switch fires.
  let sinceCycle = 0;
  let claimsWork = true;
  const tally = { polled: 0, changed: 0, failed: 0, since: Date.now() };

  const fill = async (l: (typeof lanes)[number]) => {
    if (stopped || l.claiming || l.inFlight.size >= l.concurrency) return;
    l.claiming = true;
    try {
      const due = await claimDueVendors(l.concurrency - l.inFlight.size, new Date(), l.lane);
      claimsWork = true;
      for (const vendor of due) {
        const run = observedPoll(vendor, heartbeats, { fetcher: opts.fetcher }, log)
          .then((r) => {
            tally.polled++;
            sinceCycle++;
            if (r.outcome === "changed") {
              tally.changed++;
              changedSlugs.add(r.slug);
            } else if (r.outcome === "failed") tally.failed++;
          })
          .catch((err: unknown) => log.error("poll.crashed", { vendor: vendor.slug, err }))
          .finally(() => {
            l.inFlight.delete(run);
            void fill(l);
          });
        l.inFlight.add(run);
      }
    } catch (err) {
      claimsWork = false;
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
      const full = lanes.every((l) => l.inFlight.size >= l.concurrency);
      if (claimsWork && (sinceCycle > 0 || !full) && (await poller.record())) sinceCycle = 0;
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
      await poller.stopped();
    },
  };
}
