import { db } from "@/lib/db";

const DAY = 86_400_000;
/** Incident snapshots are for debugging recent polls; history itself is kept. */
export const INCIDENT_SNAPSHOT_DAYS = 30;
export const POLL_RUN_DAYS = 30;

export async function pruneHistory(now = new Date()) {
  const snapshotsBefore = new Date(now.getTime() - INCIDENT_SNAPSHOT_DAYS * DAY);
  const [snapshots, runs, outbox] = await Promise.all([
    db.$executeRaw`UPDATE "Incident" SET snapshot = NULL WHERE snapshot IS NOT NULL AND "updatedAt" < ${snapshotsBefore}`,
    db.pollRun.deleteMany({ where: { startedAt: { lt: new Date(now.getTime() - POLL_RUN_DAYS * DAY) } } }),
    db.notificationOutbox.deleteMany({
      where: { status: "sent", createdAt: { lt: new Date(now.getTime() - 90 * DAY) } },
    }),
  ]);
  return { incidentSnapshotsPruned: snapshots, pollRunsDeleted: runs.count, outboxDeleted: outbox.count };
}
