import { events, inngest } from "@/inngest/client";
import { MAX_ATTEMPTS } from "@/lib/notify/retry";
import { sendChatDelivery } from "@/lib/notify/send-chat";

/**
 * Sends one Slack, Discord, Teams or webhook delivery, retrying with backoff until it is delivered
 * or permanently failed. Concurrency and throttle are keyed by the destination: one request at a
 * time per channel, about one a second (Slack's pace; Discord and Teams allow a little more).
 */
export const deliverChat = inngest.createFunction(
  {
    id: "deliver-chat",
    triggers: [events.deliveryRequested],
    concurrency: { key: "event.data.channelId", limit: 1 },
    throttle: { key: "event.data.channelId", limit: 1, period: "1s", burst: 3 },
    retries: 3,
  },
  async ({ event, step }) => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const r = await step.run(`send-${attempt}`, () => sendChatDelivery(event.data.deliveryId));
      if (r.done) return { done: true, steps: attempt + 1 };
      await step.sleepUntil(`wait-${attempt}`, r.nextAttemptAt);
    }
    return { done: false, steps: MAX_ATTEMPTS };
  },
);
