import { cron } from "inngest";
import { events, inngest } from "@/inngest/client";
import { deliveryEvents } from "@/inngest/functions/notify-fan-out";
import { db } from "@/lib/db";
import { type PendingPoll, announcePendingPolls } from "@/lib/monitor/dispatch";
import { sweepNotifications } from "@/lib/notify/runner";
import { formEmailBatches } from "@/lib/notify/send-email";

const OVERDUE_MS = 5 * 60_000;

/**
 * Every minute: held alerts whose quiet hours ended, maintenance reminders, settled flaps and due
 * digests; then a backstop for anything an earlier event lost: polls still waiting for fan-out,
 * and deliveries or batches overdue with no run sending them.
 */
export const notifySweep = inngest.createFunction(
  { id: "notify-sweep", triggers: [cron("* * * * *")], concurrency: 1, retries: 2 },
  async ({ step }) => {
    const swept = await step.run("sweep", () => sweepNotifications());
    const work = await step.run("find-work", async () => {
      const polls: PendingPoll[] = [];
      await announcePendingPolls(async (p) => void polls.push(...p), { staleAfterMs: 2 * 60_000 });
      const fresh = await formEmailBatches();
      const overdue = new Date(Date.now() - OVERDUE_MS);
      const chat = await db.notificationDelivery.findMany({
        where: {
          status: "pending",
          batchId: null,
          nextAttemptAt: { lt: overdue },
          channel: { type: { not: "email" } },
        },
        select: { id: true, channelId: true },
        take: 1000,
      });
      const stale = await db.emailBatch.findMany({
        where: { status: "pending", nextAttemptAt: { lt: overdue } },
        select: { id: true },
        take: 200,
      });
      return {
        polls,
        chat: chat.map((d) => ({ deliveryId: d.id, channelId: d.channelId })),
        batches: [...fresh, ...stale.map((b) => b.id)],
      };
    });
    const outgoing = [
      ...work.polls.map((p) => events.pollCommitted.create(p, { id: `poll:${p.pollId}` })),
      ...deliveryEvents(work.chat, work.batches),
    ];
    for (let i = 0; i < outgoing.length; i += 1000)
      await step.sendEvent(`send-${i / 1000}`, outgoing.slice(i, i + 1000));
    return { ...swept, announced: outgoing.length };
  },
);
