import { env } from "@/env";
import { type Lane, type PollableVendor, claimDue } from "@/lib/monitor/poll-state";

/** Vendors with this many subscribers join the hot tier with those that have an open incident. */
export const HOT_SUBSCRIBERS = 5;
/** A failing vendor backs off, but is still tried at least this often (seconds). */
export const MAX_BACKOFF_SECONDS = 300;

/**
 * The scheduler's claim: due vendors of one lane, each given its next due time by the tiers
 * configured here (lib/monitor/poll-state.ts writes it in the same statement).
 */
export async function claimDueVendors(limit: number, now = new Date(), lane: Lane = "any"): Promise<PollableVendor[]> {
  return claimDue(limit, now, lane, {
    intervalSeconds: env.POLL_INTERVAL_SECONDS,
    hotIntervalSeconds: env.HOT_POLL_INTERVAL_SECONDS,
    maxBackoffSeconds: MAX_BACKOFF_SECONDS,
    hotSubscribers: HOT_SUBSCRIBERS,
  });
}
