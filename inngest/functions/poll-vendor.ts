import { NonRetriableError } from "inngest";
import { events, inngest } from "@/inngest/client";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { announcePendingPolls } from "@/lib/monitor/dispatch";
import { pollableVendorSelect } from "@/lib/monitor/poll-state";
import { pollVendors, summarise } from "@/lib/monitor/sweep";

/**
 * Polls one vendor. At most 2 polls run against one upstream host at a time, and 100 overall,
 * so a sweep of thousands of vendors never hammers a shared host (statuspage.io, status.io).
 */
export const pollVendorFn = inngest.createFunction(
  {
    id: "poll-vendor",
    triggers: [events.pollRequested],
    concurrency: [{ key: "event.data.host", limit: 2 }, { limit: 100 }],
    retries: 1,
    onFailure: async ({ event, error }) => {
      logger("inngest").error("poll.gave_up", { vendorId: event.data.event.data.vendorId, err: error });
    },
  },
  async ({ event, step }) => {
    return step.run("poll", async () => {
      const vendor = await db.vendor.findUnique({ where: { id: event.data.vendorId }, select: pollableVendorSelect });
      if (!vendor) throw new NonRetriableError(`vendor ${event.data.vendorId} no longer exists`);
      // The poll's events reach notify-fan-out as one event per poll (ids dedupe a retried step).
      // Best effort: a lost announcement is made again by notify-sweep's backstop within minutes.
      const dispatch = async () => {
        try {
          await announcePendingPolls(
            (polls) => inngest.send(polls.map((p) => events.pollCommitted.create(p, { id: `poll:${p.pollId}` }))),
            { vendorIds: [vendor.id] },
          );
        } catch (e) {
          logger("inngest").warn("poll.announce_failed", { vendor: vendor.slug, err: e });
        }
      };
      const results = await pollVendors([vendor], { concurrency: 1, dispatch });
      return { ...summarise(results), outcome: results[0]?.outcome ?? "failed" };
    });
  },
);
