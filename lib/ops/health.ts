import { readdir } from "node:fs/promises";
import path from "node:path";
import { env } from "@/env";
import { db } from "@/lib/db";

/**
 * What /api/health reports, the dead-man's switch watches and the console shows. Unhealthy when
 * the database does not answer, a committed migration is not applied, no poller completed a poll
 * cycle within two poll intervals, or a change event waits undispatched longer than OUTBOX_MAX_AGE.
 */
export interface HealthReport {
  status: "ok" | "unhealthy";
  checkedAt: string;
  checks: {
    database: { ok: boolean; latencyMs?: number; error?: string };
    migrations: { ok: boolean; applied?: number; pending?: string[]; error?: string };
    poller: {
      ok: boolean;
      lastCycleAt: string | null;
      lastCycleAgeSeconds: number | null;
      thresholdSeconds: number;
      error?: string;
    };
    outbox: { ok: boolean; pending?: number; oldestPendingAgeSeconds?: number | null; thresholdSeconds: number };
  };
}

/** A change event may wait this long for dispatch before health says alerts are late. */
export const OUTBOX_MAX_AGE_SECONDS = 300;
const QUERY_TIMEOUT_MS = 3000;
const startedAt = Date.now();

let committed: Promise<string[]> | undefined;
/** The migrations this build ships (prisma/migrations), read once. */
function committedMigrations(): Promise<string[]> {
  committed ??= readdir(path.resolve("prisma/migrations"), { withFileTypes: true }).then((entries) =>
    entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort(),
  );
  return committed;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${QUERY_TIMEOUT_MS} ms`)),
      QUERY_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Short, and free of addresses: /api/health is public. */
function reason(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === "string" && code) return code;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, "<address>").slice(0, 200);
}

export async function checkHealth(
  opts: { now?: Date; intervalSeconds?: number; processStartedAt?: number } = {},
): Promise<HealthReport> {
  const now = opts.now ?? new Date();
  const thresholdSeconds = 2 * (opts.intervalSeconds ?? env.POLL_INTERVAL_SECONDS);
  const checks: HealthReport["checks"] = {
    database: { ok: false },
    migrations: { ok: false },
    poller: { ok: false, lastCycleAt: null, lastCycleAgeSeconds: null, thresholdSeconds },
    outbox: { ok: false, thresholdSeconds: OUTBOX_MAX_AGE_SECONDS },
  };
  const started = performance.now();
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, "the database");
    checks.database = { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    checks.database = { ok: false, error: reason(error) };
    for (const c of [checks.migrations, checks.poller] as Array<{ error?: string }>) c.error = "database unavailable";
    return { status: "unhealthy", checkedAt: now.toISOString(), checks };
  }

  const [migrations, poller, outbox] = await Promise.allSettled([
    withTimeout(
      db.$queryRaw<Array<{ migration_name: string }>>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      "the migrations table",
    ),
    withTimeout(
      db.poller.findFirst({ orderBy: { lastCycleAt: "desc" }, select: { lastCycleAt: true } }),
      "the poller table",
    ),
    withTimeout(
      db.notificationOutbox.aggregate({
        where: { status: "pending" },
        _count: { _all: true },
        _min: { createdAt: true },
      }),
      "the outbox",
    ),
  ]);

  if (migrations.status === "fulfilled") {
    const applied = new Set(migrations.value.map((m) => m.migration_name));
    const pending = (await committedMigrations()).filter((m) => !applied.has(m));
    checks.migrations = { ok: pending.length === 0, applied: applied.size, pending };
  } else checks.migrations = { ok: false, error: reason(migrations.reason) };

  if (poller.status === "fulfilled") {
    const last = poller.value?.lastCycleAt ?? null;
    const age = last ? Math.max(0, (now.getTime() - last.getTime()) / 1000) : null;
    // A process that just started has not had two intervals to complete its first cycle.
    const sinceStart = (now.getTime() - (opts.processStartedAt ?? startedAt)) / 1000;
    checks.poller = {
      ok: age === null ? sinceStart < thresholdSeconds : age <= thresholdSeconds,
      lastCycleAt: last?.toISOString() ?? null,
      lastCycleAgeSeconds: age === null ? null : Math.round(age),
      thresholdSeconds,
    };
  } else checks.poller = { ...checks.poller, ok: false, error: reason(poller.reason) };

  if (outbox.status === "fulfilled") {
    const oldest = outbox.value._min.createdAt;
    const age = oldest ? Math.round((now.getTime() - oldest.getTime()) / 1000) : null;
    checks.outbox = {
      ok: age === null || age <= OUTBOX_MAX_AGE_SECONDS,
      pending: outbox.value._count._all,
      oldestPendingAgeSeconds: age,
      thresholdSeconds: OUTBOX_MAX_AGE_SECONDS,
    };
  } else checks.outbox = { ok: false, thresholdSeconds: OUTBOX_MAX_AGE_SECONDS };

  const ok = Object.values(checks).every((c) => c.ok);
  return { status: ok ? "ok" : "unhealthy", checkedAt: now.toISOString(), checks };
}
