import { type Logger, logger } from "@/lib/log";
import { recordChanges, recordPoll } from "@/lib/metrics";
import type { HeartbeatBuffer } from "@/lib/monitor/heartbeat";
import { type PollResult, pollVendor } from "@/lib/monitor/poll-vendor";
import type { PollableVendor } from "@/lib/monitor/poll-state";
import type { Fetcher } from "@/lib/providers";

const defaultLog = logger("poll");

/**
 * pollVendor, observed: every poll is a log event (vendor, duration, outcome; `debug` unless it
 * changed something) and a sample in the poll metrics. Every poller calls this one.
 */
export async function observedPoll(
  vendor: PollableVendor,
  heartbeats: HeartbeatBuffer,
  opts: { fetcher?: Fetcher; now?: () => Date } = {},
  log: Logger = defaultLog,
): Promise<PollResult> {
  const started = performance.now();
  const r = await pollVendor(vendor, heartbeats, opts);
  const durationMs = Math.round(performance.now() - started);
  recordPoll(r.outcome, durationMs, r.outcome === "failed" ? r.error : undefined);
  if (r.outcome === "changed") {
    const events = r.baseline ? [] : r.changes.flatMap((c) => (c.event ? [c.event] : []));
    recordChanges(events);
    log.info("poll", {
      vendor: r.slug,
      durationMs,
      outcome: r.outcome,
      changes: r.changes.length,
      events: events.length,
      ...(r.baseline ? { baseline: true } : {}),
    });
  } else if (r.outcome === "failed") {
    log.debug("poll", { vendor: r.slug, durationMs, outcome: r.outcome, error: r.error });
  } else log.debug("poll", { vendor: r.slug, durationMs, outcome: r.outcome });
  return r;
}
