import client from "prom-client";
import { db } from "@/lib/db";

/**
 * Prometheus metrics. Counters and histograms count what this process did (each instance of a
 * fleet is scraped on its own); gauges named `*_fleet` read the database at scrape time and are
 * the same on every instance. The registry lives on globalThis: the scheduler (loaded by tsx) and
 * the route handlers (bundled by Next) run in one process and must share it.
 */
const POLL_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20];
const DELIVERY_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

function create() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const gauge = (name: string, help: string, labelNames: string[], collect: (g: client.Gauge) => Promise<void>) =>
    new client.Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        // A scrape while the database is down still answers, with these gauges left out.
        await collect(this).catch(() => this.reset());
      },
    });
  gauge("vendorwatch_outbox_pending_fleet", "Change events written but not yet dispatched.", [], async (g) => {
    g.set(await db.notificationOutbox.count({ where: { status: "pending" } }));
  });
  gauge("vendorwatch_deliveries_fleet", "Notification deliveries by status.", ["status"], async (g) => {
    const rows = await db.notificationDelivery.groupBy({ by: ["status"], _count: { _all: true } });
    g.reset();
    for (const r of rows) g.set({ status: r.status }, r._count._all);
  });
  gauge(
    "vendorwatch_last_poll_cycle_age_seconds_fleet",
    "Seconds since any poller completed a poll cycle.",
    [],
    async (g) => {
      const row = await db.poller.findFirst({ orderBy: { lastCycleAt: "desc" }, select: { lastCycleAt: true } });
      if (row) g.set((Date.now() - row.lastCycleAt.getTime()) / 1000);
      else g.reset();
    },
  );
  gauge("vendorwatch_vendors_fleet", "Enabled vendors by state.", ["state"], async (g) => {
    const [enabled, failing, overdue] = await Promise.all([
      db.vendor.count({ where: { enabled: true } }),
      db.vendor.count({ where: { enabled: true, consecutiveFailures: { gt: 0 } } }),
      db.vendor.count({ where: { enabled: true, nextPollAt: { lt: new Date(Date.now() - 60_000) } } }),
    ]);
    g.set({ state: "enabled" }, enabled);
    g.set({ state: "failing" }, failing);
    g.set({ state: "overdue" }, overdue);
  });
  return {
    registry,
    polls: new client.Counter({
      name: "vendorwatch_polls_total",
      help: "Polls of vendors' status pages, by outcome (changed, unchanged, failed).",
      labelNames: ["outcome"],
      registers,
    }),
    pollFailures: new client.Counter({
      name: "vendorwatch_poll_failures_total",
      help: "Failed polls, by kind of failure (unreachable, timeout, http_error, ...).",
      labelNames: ["kind"],
      registers,
    }),
    changes: new client.Counter({
      name: "vendorwatch_changes_total",
      help: "Change events detected (after a vendor's silent baseline), by event.",
      labelNames: ["event"],
      registers,
    }),
    pollDuration: new client.Histogram({
      name: "vendorwatch_poll_duration_seconds",
      help: "Time one poll of one vendor took, by outcome.",
      labelNames: ["outcome"],
      buckets: POLL_BUCKETS,
      registers,
    }),
    deliveries: new client.Counter({
      name: "vendorwatch_deliveries_total",
      help: "Notification delivery attempts, by channel type and result (delivered, retry, failed).",
      labelNames: ["channel", "result"],
      registers,
    }),
    deliveryDuration: new client.Histogram({
      name: "vendorwatch_delivery_duration_seconds",
      help: "Time one delivery attempt took, by channel type.",
      labelNames: ["channel"],
      buckets: DELIVERY_BUCKETS,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof create>;
const holder = globalThis as { vendorwatchMetrics?: Metrics };

export function metrics(): Metrics {
  holder.vendorwatchMetrics ??= create();
  return holder.vendorwatchMetrics;
}

const FAILURE_KINDS = /^(unreachable|timeout|blocked|http_error|too_large|unrecognised|invalid_payload)\b/;

/** One poll's figures: outcome, duration, and for a failure its kind (from the error's first word). */
export function recordPoll(outcome: "changed" | "unchanged" | "failed", durationMs: number, error?: string): void {
  const m = metrics();
  m.polls.inc({ outcome });
  m.pollDuration.observe({ outcome }, durationMs / 1000);
  if (outcome === "failed") m.pollFailures.inc({ kind: FAILURE_KINDS.exec(error ?? "")?.[1] ?? "other" });
}

export function recordChanges(events: string[]): void {
  const m = metrics();
  for (const event of events) m.changes.inc({ event });
}

/** For senders: one attempt to deliver a notification. */
export function recordDelivery(channel: string, result: "delivered" | "retry" | "failed", durationMs: number): void {
  const m = metrics();
  m.deliveries.inc({ channel, result });
  m.deliveryDuration.observe({ channel }, durationMs / 1000);
}
