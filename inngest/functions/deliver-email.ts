import { env } from "@/env";
import { events, inngest } from "@/inngest/client";
import { MAX_ATTEMPTS } from "@/lib/notify/retry";
import { sendEmailBatch } from "@/lib/notify/send-email";

/**
 * Sends one batch of up to 100 emails through Resend, retrying with backoff. Resend's rate limit
 * is per team, so every run shares one throttle and at most two calls are in flight.
 */
export const deliverEmail = inngest.createFunction(
  {
    id: "deliver-email",
    triggers: [events.emailBatchRequested],
    concurrency: { scope: "env", key: '"resend"', limit: 2 },
    throttle: { key: '"resend"', limit: Math.max(1, Math.floor(env.RESEND_REQUESTS_PER_SECOND)), period: "1s" },
    retries: 3,
  },
  async ({ event, step }) => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const r = await step.run(`send-${attempt}`, () => sendEmailBatch(event.data.batchId));
      if (r.done) return { done: true, steps: attempt + 1 };
      await step.sleepUntil(`wait-${attempt}`, r.nextAttemptAt);
    }
    return { done: false, steps: MAX_ATTEMPTS };
  },
);
