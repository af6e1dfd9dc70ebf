import { env } from "@/env";
import { db } from "@/lib/db";
import type { PollableVendor } from "@/lib/monitor/poll-vendor";

/** Vendors with this many subscribers join the hot tier with those that have an open incident. */
export const HOT_SUBSCRIBERS = 5;
/** A failing vendor backs off, but is still tried at least this often (seconds). */
export const MAX_BACKOFF_SECONDS = 300;

/**
 * Claims up to `limit` due vendors and, in the same statement, sets when each is due next:
 * its tier's interval with ±10% jitter (so vendors drift apart instead of polling in lockstep),
 * longer for vendors that keep failing. SKIP LOCKED lets several workers claim side by side.
 */
/**
 * Scheduler lanes: vendors we have polled successfully and that are not failing poll in their own
 * lane, so hundreds of dead or slow pages (each waiting out its timeouts) never delay them.
 */
export type Lane = "healthy" | "probation" | "any";
const LANE_SQL: Record<Lane, string> = {
  healthy: `AND v."lastSuccessAt" IS NOT NULL AND v."consecutiveFailures" = 0`,
  probation: `AND (v."lastSuccessAt" IS NULL OR v."consecutiveFailures" > 0)`,
  any: "",
};

export async function claimDueVendors(limit: number, now = new Date(), lane: Lane = "any"): Promise<PollableVendor[]> {
  if (limit <= 0) return [];
  return db.$queryRawUnsafe<PollableVendor[]>(
    `WITH due AS (
       SELECT v.id,
         CASE
           WHEN v."consecutiveFailures" >= 3 THEN LEAST($3::float8 * power(2, LEAST(v."consecutiveFailures" - 2, 5)), $5::float8)
           WHEN EXISTS (SELECT 1 FROM "Incident" i WHERE i."vendorId" = v.id AND i."resolvedAt" IS NULL)
             OR (SELECT count(*) FROM "Subscription" s WHERE s."vendorId" = v.id) >= $6 THEN $4::float8
           ELSE $3::float8
         END AS interval
       FROM "Vendor" v
       WHERE v.enabled AND v."nextPollAt" <= $1 ${LANE_SQL[lane]}
       ORDER BY v."nextPollAt"
       LIMIT $2
       FOR UPDATE SKIP LOCKED
     )
     UPDATE "Vendor" v
     SET "nextPollAt" = $1 + make_interval(secs => due.interval * (0.9 + random() * 0.2))
     FROM due WHERE v.id = due.id
     RETURNING v.id, v.slug, v.name, v."statusPageUrl", v.provider, v."apiEndpoint", v."timeZone",
               v."contentHash", v."fetchValidators", v."lastSuccessAt"`,
    now,
    limit,
    env.POLL_INTERVAL_SECONDS,
    env.HOT_POLL_INTERVAL_SECONDS,
    MAX_BACKOFF_SECONDS,
    HOT_SUBSCRIBERS,
  );
}
