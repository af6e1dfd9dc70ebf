import { env } from "@/env";
import { db } from "@/lib/db";

const DAY = 86_400_000;
const BATCH = 5000;

/**
 * Retention, applied daily (the in-process scheduler, the `prune-history` Inngest function, or
 * `vendorwatch prune`): raw payloads kept for debugging, poll history, and delivery logs each
 * have their own age. History itself (incidents, updates, status intervals) is kept.
 */
export interface Retention {
  /** Incident snapshots: the payload as we last normalised it. */
  snapshotDays: number;
  /** PollRun rows: one per poll. */
  pollHistoryDays: number;
  /** Finished deliveries with their attempts, dispatched outbox events, locally kept emails. */
  deliveryDays: number;
}

export function retentionFromEnv(): Retention {
  return {
    snapshotDays: env.RETENTION_SNAPSHOT_DAYS,
    pollHistoryDays: env.RETENTION_POLL_HISTORY_DAYS,
    deliveryDays: env.RETENTION_DELIVERY_DAYS,
  };
}

/** Deletes (or updates) in batches, so a big backlog never holds one long lock. */
async function inBatches(sql: string, cutoff: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.$executeRawUnsafe(sql, cutoff, BATCH);
    total += n;
    if (n < BATCH) return total;
  }
}

export async function pruneHistory(now = new Date(), retention: Retention = retentionFromEnv()) {
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  const snapshots = await inBatches(
    `UPDATE "Incident" SET snapshot = NULL WHERE id IN
       (SELECT id FROM "Incident" WHERE snapshot IS NOT NULL AND "updatedAt" < $1 LIMIT $2)`,
    before(retention.snapshotDays),
  );
  const pollRuns = await inBatches(
    `DELETE FROM "PollRun" WHERE id IN (SELECT id FROM "PollRun" WHERE "startedAt" < $1 LIMIT $2)`,
    before(retention.pollHistoryDays),
  );
  // Pending and held deliveries are work still to do: only finished ones age out (attempts cascade).
  const deliveries = await inBatches(
    `DELETE FROM "NotificationDelivery" WHERE id IN (SELECT id FROM "NotificationDelivery"
       WHERE status IN ('delivered', 'failed', 'suppressed') AND "updatedAt" < $1 LIMIT $2)`,
    before(retention.deliveryDays),
  );
  const outbox = await inBatches(
    `DELETE FROM "NotificationOutbox" WHERE id IN (SELECT id FROM "NotificationOutbox"
       WHERE status <> 'pending' AND "createdAt" < $1 LIMIT $2)`,
    before(retention.deliveryDays),
  );
  const localEmails = await inBatches(
    `DELETE FROM "LocalEmail" WHERE id IN (SELECT id FROM "LocalEmail" WHERE "createdAt" < $1 LIMIT $2)`,
    before(retention.deliveryDays),
  );
  // Pollers that stopped (or died) a day ago are no longer news for the console.
  const pollers = await db.poller.deleteMany({ where: { lastCycleAt: { lt: before(1) } } });
  return {
    incidentSnapshotsPruned: snapshots,
    pollRunsDeleted: pollRuns,
    deliveriesDeleted: deliveries,
    outboxDeleted: outbox,
    localEmailsDeleted: localEmails,
    pollersDeleted: pollers.count,
  };
}
