import { events, inngest } from "@/inngest/client";
import { fanOutVendor } from "@/lib/notify/fan-out";
import { formEmailBatches } from "@/lib/notify/send-email";

/** Events for what a fan-out wrote: one per chat delivery, one per email batch. */
export function deliveryEvents(chat: Array<{ deliveryId: string; channelId: string }>, batches: string[]) {
  return [
    ...chat.map((d) => events.deliveryRequested.create(d, { id: `delivery:${d.deliveryId}` })),
    ...batches.map((batchId) => events.emailBatchRequested.create({ batchId }, { id: `batch:${batchId}` })),
  ];
}

/**
 * Fans a vendor's committed polls out to its subscribers. One run per vendor at a time (flap
 * control and reopens read what the previous poll wrote); the deliveries are written and the
 * outbox rows marked in one transaction (lib/notify/fan-out.ts), then each delivery is handed to
 * the senders with step.sendEvent, whose memoised result a retried run does not send again.
 */
export const notifyFanOut = inngest.createFunction(
  {
    id: "notify-fan-out",
    triggers: [events.pollCommitted],
    concurrency: { key: "event.data.vendorId", limit: 1 },
    retries: 5,
  },
  async ({ event, step }) => {
    const fanned = await step.run("fan-out", async () => {
      const r = await fanOutVendor(event.data.vendorId);
      const chat = r.deliveries
        .filter((d) => d.channelType !== "email")
        .map((d) => ({ deliveryId: d.id, channelId: d.channelId }));
      return { polls: r.polls, chat };
    });
    const batches = await step.run("batch-emails", () => formEmailBatches());
    const outgoing = deliveryEvents(fanned.chat, batches);
    for (let i = 0; i < outgoing.length; i += 1000)
      await step.sendEvent(`deliver-${i / 1000}`, outgoing.slice(i, i + 1000));
    return { polls: fanned.polls, chat: fanned.chat.length, batches: batches.length };
  },
);
