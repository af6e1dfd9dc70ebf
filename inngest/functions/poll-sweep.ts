import { cron } from "inngest";
import { env } from "@/env";
import { events, inngest } from "@/inngest/client";
import { claimDueVendors } from "@/lib/monitor/claim";
import { pollerRecord } from "@/lib/ops/poller";

/** Sweeps per cron run: a run lasts about a minute and claims every few seconds inside it. */
export const SWEEPS_PER_RUN = 12;
export const SWEEP_BATCH = 500;

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return "invalid";
  }
};

/**
 * Every minute: claim what is due, in bounded batches, and fan each vendor out to poll-vendor,
 * whose concurrency is keyed by upstream host. Sleeping between sweeps gives sub-minute cadence
 * inside one run (cron's own resolution is a minute).
 */
export const pollSweep = inngest.createFunction(
  { id: "poll-sweep", triggers: [cron("* * * * *")], concurrency: 1, retries: 2 },
  async ({ step }) => {
    let fannedOut = 0;
    for (let i = 0; i < SWEEPS_PER_RUN; i++) {
      const due = await step.run(`claim-${i}`, async () => {
        const claimed = await claimDueVendors(SWEEP_BATCH);
        // Each sweep is a poll cycle: the dead-man's switch watches for them stopping.
        await pollerRecord("inngest").record(new Date(), true);
        return claimed.map((v) => ({ vendorId: v.id, host: hostOf(v.statusPageUrl) }));
      });
      if (due.length) {
        await step.sendEvent(
          `fan-out-${i}`,
          due.map((data) => events.pollRequested.create(data)),
        );
        fannedOut += due.length;
      }
      if (i < SWEEPS_PER_RUN - 1)
        await step.sleep(
          `wait-${i}`,
          `${Math.max(1, Math.floor(Math.min(env.HOT_POLL_INTERVAL_SECONDS, 60 / SWEEPS_PER_RUN)))}s`,
        );
    }
    return { fannedOut };
  },
);
