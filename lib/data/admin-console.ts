import "server-only";
import { env } from "@/env";
import { STALE_AFTER_FAILURES } from "@/lib/data/staleness";
import { db } from "@/lib/db";
import type { PollOutcome } from "@/lib/generated/prisma/client";
import { checkHealth } from "@/lib/ops/health";

/** Reads for the operator console (/admin). Every figure is fleet-wide: it comes from the database. */

const WINDOW_MINUTES = 15;

interface LastRun {
  vendorId: string;
  httpStatus: number | null;
  bytes: number | null;
  error: string | null;
  outcome: PollOutcome;
  startedAt: Date;
}

export async function pollerHealth(now = new Date()) {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const interval = env.POLL_INTERVAL_SECONDS;
  const [health, pollers, [runs], [lag]] = await Promise.all([
    checkHealth({ now }),
    db.poller.findMany({ orderBy: { lastCycleAt: "desc" }, take: 20 }),
    // Every poll leaves one run (lib/monitor/poll-runs.ts), so the window's runs are its polls.
    db.$queryRaw<Array<{ polls: number; failures: number; p95: number | null }>>`
      SELECT count(*)::int AS polls,
             (count(*) FILTER (WHERE outcome = 'failed'))::int AS failures,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") AS p95
      FROM "PollRun" WHERE "startedAt" > ${since} AND "startedAt" <= ${now}`,
    db.$queryRaw<Array<{ lag: number | null; overdue: number }>>`
      SELECT EXTRACT(EPOCH FROM (${now}::timestamptz - min("nextPollAt")))::float8 AS lag,
             (count(*) FILTER (WHERE "nextPollAt" < ${new Date(now.getTime() - interval * 1000)}))::int AS overdue
      FROM "Vendor" WHERE enabled AND "nextPollAt" < ${now}`,
  ]);
  return {
    health,
    intervalSeconds: interval,
    windowMinutes: WINDOW_MINUTES,
    pollers,
    polls: runs?.polls ?? 0,
    pollsPerMinute: (runs?.polls ?? 0) / WINDOW_MINUTES,
    failures: runs?.failures ?? 0,
    p95Ms: runs?.p95 === null || runs?.p95 === undefined ? null : Math.round(runs.p95),
    lagSeconds: lag?.lag ?? 0,
    overdueVendors: lag?.overdue ?? 0,
  };
}

/** Enabled vendors failing now or without a success for as long as makes them stale, worst first. */
export async function failingVendors(now = new Date(), limit = 50) {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_FAILURES * env.POLL_INTERVAL_SECONDS * 1000);
  const where = {
    enabled: true,
    OR: [{ consecutiveFailures: { gt: 0 } }, { lastSuccessAt: null }, { lastSuccessAt: { lt: staleBefore } }],
  };
  const [total, vendors] = await Promise.all([
    db.vendor.count({ where }),
    db.vendor.findMany({
      where,
      orderBy: [{ consecutiveFailures: "desc" }, { lastSuccessAt: { sort: "asc", nulls: "first" } }, { slug: "asc" }],
      take: limit,
      select: {
        id: true,
        slug: true,
        name: true,
        provider: true,
        statusPageUrl: true,
        consecutiveFailures: true,
        lastError: true,
        lastCheckedAt: true,
        lastSuccessAt: true,
        verifyResult: true,
      },
    }),
  ]);
  // Each vendor's newest run through its (vendorId, startedAt) index: a vendor polled every 30 s
  // has thousands of runs, and only the last says what came back.
  const lastRuns = vendors.length
    ? await db.$queryRaw<LastRun[]>`
        SELECT r."vendorId", r."httpStatus", r.bytes, r.error, r.outcome, r."startedAt"
        FROM unnest(${vendors.map((v) => v.id)}::text[]) AS f(id)
        CROSS JOIN LATERAL (
          SELECT * FROM "PollRun" p WHERE p."vendorId" = f.id ORDER BY p."startedAt" DESC LIMIT 1
        ) r`
    : [];
  const byVendor = new Map(lastRuns.map((r) => [r.vendorId, r]));
  return { total, vendors: vendors.map((v) => ({ ...v, lastRun: byVendor.get(v.id) ?? null })) };
}

export async function catalogStats() {
  const [byProvider, byCategory, enabled, disabled, userAdded] = await Promise.all([
    db.vendor.groupBy({ by: ["provider"], _count: { _all: true } }),
    db.vendor.groupBy({ by: ["category"], _count: { _all: true } }),
    db.vendor.count({ where: { enabled: true } }),
    db.vendor.count({ where: { enabled: false } }),
    db.vendor.count({ where: { userAdded: true } }),
  ]);
  const rows = (xs: Array<{ _count: { _all: number } }>, key: (x: never) => string | null) =>
    xs.map((x) => ({ name: key(x as never), count: x._count._all })).sort((a, b) => b.count - a.count);
  return {
    enabled,
    disabled,
    userAdded,
    byProvider: rows(byProvider, (x: { provider: string | null }) => x.provider),
    byCategory: rows(byCategory, (x: { category: string | null }) => x.category),
  };
}

export async function notificationQueues(now = new Date()) {
  const [outbox, oldestPending, deliveries, retried, failed] = await Promise.all([
    db.notificationOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
    db.notificationOutbox.findFirst({
      where: { status: "pending" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, event: true, dispatchedAt: true },
    }),
    db.notificationDelivery.groupBy({ by: ["status"], _count: { _all: true } }),
    db.notificationDelivery.count({ where: { attempts: { gt: 1 } } }),
    db.notificationDelivery.findMany({
      where: { status: "failed" },
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: {
        id: true,
        kind: true,
        attempts: true,
        lastError: true,
        lastStatusCode: true,
        updatedAt: true,
        channel: { select: { type: true } },
      },
    }),
  ]);
  const count = (rows: Array<{ status: string; _count: { _all: number } }>, status: string) =>
    rows.find((r) => r.status === status)?._count._all ?? 0;
  return {
    outbox: {
      pending: count(outbox, "pending"),
      sent: count(outbox, "sent"),
      failed: count(outbox, "failed"),
      oldestPendingSeconds: oldestPending
        ? Math.round((now.getTime() - oldestPending.createdAt.getTime()) / 1000)
        : null,
    },
    deliveries: {
      pending: count(deliveries, "pending"),
      held: count(deliveries, "held"),
      delivered: count(deliveries, "delivered"),
      failed: count(deliveries, "failed"),
      suppressed: count(deliveries, "suppressed"),
      retried,
    },
    failed,
  };
}

export async function findVendors(q: string, limit = 20) {
  return db.vendor.findMany({
    where: {
      OR: [
        { slug: { contains: q.toLowerCase() } },
        { name: { contains: q, mode: "insensitive" } },
        { statusPageUrl: { contains: q.toLowerCase() } },
      ],
    },
    orderBy: { name: "asc" },
    take: limit,
    select: { slug: true, name: true, provider: true, enabled: true, status: true, consecutiveFailures: true },
  });
}

export async function vendorForConsole(slug: string, historyLimit = 100) {
  const vendor = await db.vendor.findUnique({ where: { slug } });
  if (!vendor) return null;
  const [history, counts] = await Promise.all([
    db.pollRun.findMany({ where: { vendorId: vendor.id }, orderBy: { startedAt: "desc" }, take: historyLimit }),
    db.pollRun.groupBy({ by: ["outcome"], where: { vendorId: vendor.id }, _count: { _all: true } }),
  ]);
  return {
    vendor,
    history,
    outcomes: Object.fromEntries(counts.map((c) => [c.outcome, c._count._all])) as Record<string, number>,
    historyDays: env.RETENTION_POLL_HISTORY_DAYS,
  };
}
