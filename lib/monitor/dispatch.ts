import { db } from "@/lib/db";

/**
 * After a poll commits, the monitor tells whoever consumes the outbox that there is news. It never
 * marks an outbox row done: only the fan-out does that, in the transaction that writes every
 * delivery the poll implies (lib/notify/fan-out.ts). Which consumer that is depends on how
 * Vendorwatch runs, so the caller hands it in: the runtime wakes the in-process notifier, the
 * Inngest function announces the polls as events. The monitor imports neither.
 */
export type Dispatch = () => Promise<void>;

/** A committed poll whose events wait for fan-out. */
export interface PendingPoll {
  vendorId: string;
  /** The poll's id (events of one poll travel together); a reminder's or settle's own key otherwise. */
  pollId: string;
}

/**
 * Hands pending polls to `send` (an event bus), once each; polls announced more than
 * `staleAfterMs` ago and still pending are announced again, in case the first announcement was
 * lost. Event ids derived from the poll id let the bus drop repeats.
 */
export async function announcePendingPolls(
  send: (polls: PendingPoll[]) => Promise<unknown>,
  opts: { now?: Date; staleAfterMs?: number; limit?: number; vendorIds?: string[] } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const stale = new Date(now.getTime() - (opts.staleAfterMs ?? 5 * 60_000));
  const rows = await db.notificationOutbox.findMany({
    where: {
      status: "pending",
      vendorId: { not: null },
      OR: [{ dispatchedAt: null }, { dispatchedAt: { lt: stale } }],
    },
    orderBy: { createdAt: "asc" },
    take: opts.limit ?? 500,
    select: { id: true, vendorId: true, pollId: true, idempotencyKey: true },
  });
  if (!rows.length) return 0;
  const polls = new Map<string, PendingPoll>();
  for (const r of rows) {
    const pollId = r.pollId ?? r.idempotencyKey;
    polls.set(pollId, { vendorId: r.vendorId as string, pollId });
  }
  await send([...polls.values()]);
  await db.notificationOutbox.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { dispatchedAt: now } });
  return polls.size;
}
