import { db } from "@/lib/db";

const DAY = 86_400_000;
/** Raw incident payloads are for debugging recent polls; history itself is kept. */
export const RAW_PAYLOAD_DAYS = 30;
export const POLL_RUN_DAYS = 30;

export async function pruneHistory(now = new Date()) {
  const rawBefore = new Date(now.getTime() - RAW_PAYLOAD_DAYS * DAY);
  const [raw, runs, outbox] = await Promise.all([
    db.$executeRaw`UPDATE "Incident" SET raw = NULL WHERE raw IS NOT NULL AND "updatedAt" < ${rawBefore}`,
    db.pollRun.deleteMany({ where: { startedAt: { lt: new Date(now.getTime() - POLL_RUN_DAYS * DAY) } } }),
    db.notificationOutbox.deleteMany({
      where: { status: "sent", createdAt: { lt: new Date(now.getTime() - 90 * DAY) } },
    }),
  ]);
  return { rawPayloadsPruned: raw, pollRunsDeleted: runs.count, outboxDeleted: outbox.count };
}
