import { STALE_AFTER_FAILURES } from "@/lib/data/staleness";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Status } from "@/lib/domain/vocabulary";

/**
 * The Vendor row's poll state, and every write of it: when a vendor is due (nextPollAt), what the
 * last polls found (lastCheckedAt, lastSuccessAt, firstSuccessAt, lastChangedAt,
 * consecutiveFailures, lastError, status), what the next conditional GET sends (contentHash,
 * fetchValidators, etag, lastModified), and what to read (provider, apiEndpoint, timeZone).
 * Claims, heartbeats, commits, detection and the console's actions all come through here, so
 * the rules (backoff, fail soft, a new target forgets the old one's validators) live in one place.
 */
type Client = Prisma.TransactionClient | typeof db;

export const pollableVendorSelect = {
  id: true,
  slug: true,
  name: true,
  statusPageUrl: true,
  provider: true,
  apiEndpoint: true,
  timeZone: true,
  contentHash: true,
  fetchValidators: true,
  lastSuccessAt: true,
} satisfies Prisma.VendorSelect;
export type PollableVendor = Prisma.VendorGetPayload<{ select: typeof pollableVendorSelect }>;

/** The same columns for raw statements that return vendors to poll (Vendor's fields map to columns 1:1). */
const POLLABLE_COLUMNS = Object.keys(pollableVendorSelect)
  .map((c) => `v."${c}"`)
  .join(", ");

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

export interface ClaimPolicy {
  intervalSeconds: number;
  hotIntervalSeconds: number;
  maxBackoffSeconds: number;
  hotSubscribers: number;
}

/**
 * Claims up to `limit` due vendors and, in the same statement, sets when each is due next: its
 * tier's interval with ±10% jitter (so vendors drift apart instead of polling in lockstep),
 * doubling from the failure that makes a vendor stale, up to the cap. SKIP LOCKED lets several
 * workers claim side by side.
 */
export async function claimDue(limit: number, now: Date, lane: Lane, policy: ClaimPolicy): Promise<PollableVendor[]> {
  if (limit <= 0) return [];
  return db.$queryRawUnsafe<PollableVendor[]>(
    `WITH due AS (
       SELECT v.id,
         CASE
           WHEN v."consecutiveFailures" >= $7::int
             THEN LEAST($3::float8 * power(2, LEAST(v."consecutiveFailures" - ($7::int - 1), 5)), $5::float8)
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
     RETURNING ${POLLABLE_COLUMNS}`,
    now,
    limit,
    policy.intervalSeconds,
    policy.hotIntervalSeconds,
    policy.maxBackoffSeconds,
    policy.hotSubscribers,
    STALE_AFTER_FAILURES,
  );
}

/** Poll state of a poll that changed nothing we store: written in batches, not one UPDATE a poll. */
export interface Heartbeat {
  vendorId: string;
  checkedAt: Date;
  ok: boolean;
  error: string | null;
  validators: Prisma.InputJsonValue | null;
}

/**
 * One UPDATE ... FROM (VALUES ...) for many heartbeats. A failure adds `failures` to
 * consecutiveFailures and keeps every status as it was (fail soft); a success clears the error.
 */
export async function writeHeartbeats(beats: Array<Heartbeat & { failures: number }>): Promise<void> {
  if (!beats.length) return;
  const params: unknown[] = [];
  const rows = beats.map((b) => {
    const n = params.length;
    params.push(
      b.vendorId,
      b.checkedAt,
      b.ok,
      b.error,
      b.validators === null ? null : JSON.stringify(b.validators),
      b.failures,
    );
    return `($${n + 1}, $${n + 2}::timestamptz, $${n + 3}::boolean, $${n + 4}, $${n + 5}::jsonb, $${n + 6}::int)`;
  });
  await db.$executeRawUnsafe(
    `UPDATE "Vendor" AS v SET
       "lastCheckedAt" = x.checked,
       "lastSuccessAt" = CASE WHEN x.ok THEN x.checked ELSE v."lastSuccessAt" END,
       "consecutiveFailures" = CASE WHEN x.ok THEN 0 ELSE v."consecutiveFailures" + x.failures END,
       "lastError" = CASE WHEN x.ok THEN NULL ELSE x.error END,
       "fetchValidators" = COALESCE(x.validators, v."fetchValidators"),
       "updatedAt" = now()
     FROM (VALUES ${rows.join(", ")}) AS x(id, checked, ok, error, validators, failures)
     WHERE v.id = x.id`,
    ...params,
  );
}

/**
 * In a poll's commit transaction: the new content and a clean record. Applied only while the
 * content hash is still the one the diff started from, so of two polls racing on a vendor only
 * one applies; false when this one lost. The first success is the vendor's baseline.
 */
export async function recordSuccess(
  tx: Prisma.TransactionClient,
  vendor: { id: string; contentHash: string | null; lastSuccessAt: Date | null },
  next: { status: Status; contentHash: string; validators: Prisma.InputJsonValue; changed: boolean; now: Date },
): Promise<boolean> {
  const { now } = next;
  const claimed = await tx.vendor.updateMany({
    where: { id: vendor.id, contentHash: vendor.contentHash },
    data: {
      status: next.status,
      contentHash: next.contentHash,
      fetchValidators: next.validators,
      lastCheckedAt: now,
      lastSuccessAt: now,
      ...(vendor.lastSuccessAt === null ? { firstSuccessAt: now } : {}),
      lastError: null,
      consecutiveFailures: 0,
      ...(next.changed ? { lastChangedAt: now } : {}),
    },
  });
  return claimed.count > 0;
}

export interface PollTarget {
  provider: string | null;
  apiEndpoint: string | null;
  timeZone?: string | null;
}

/** A provider detected on a vendor's first poll, remembered so later polls skip detection. */
export async function recordDetection(vendorId: string, target: PollTarget): Promise<void> {
  await db.vendor.update({ where: { id: vendorId }, data: target });
}

/**
 * A new provider or endpoint (`provider: null`: detect it on the next poll). The old target's
 * content hash and validators mean nothing for the new one, so the next poll reads everything.
 */
export async function retarget(
  vendorId: string,
  target: PollTarget,
  opts: { pollNow?: boolean } = {},
  client: Client = db,
): Promise<void> {
  await client.vendor.update({
    where: { id: vendorId },
    data: {
      ...target,
      contentHash: null,
      fetchValidators: Prisma.DbNull,
      etag: null,
      lastModified: null,
      ...(opts.pollNow ? { nextPollAt: new Date() } : {}),
    },
  });
}

/**
 * Vendors whose status page moved (a catalog import gave them a new URL): the old page's endpoint
 * and validators mean nothing for the new one, so the next poll detects and reads it afresh.
 */
export async function forgetMovedPages(vendorIds: string[], client: Client = db): Promise<void> {
  if (!vendorIds.length) return;
  await client.vendor.updateMany({
    where: { id: { in: vendorIds } },
    data: { apiEndpoint: null, fetchValidators: Prisma.DbNull, etag: null, lastModified: null },
  });
}

/** Enabling makes a vendor due now rather than whenever its old due time was. */
export async function setPolling(vendorId: string, enabled: boolean): Promise<void> {
  await db.vendor.update({
    where: { id: vendorId },
    data: { enabled, ...(enabled ? { nextPollAt: new Date() } : {}) },
  });
}

/** A vendor added by URL, which the caller polls at once: the scheduler's turn comes one interval later. */
export function addedVendorPollState(target: PollTarget, intervalSeconds: number, now = new Date()) {
  return {
    provider: target.provider,
    apiEndpoint: target.apiEndpoint,
    timeZone: target.timeZone ?? null,
    nextPollAt: new Date(now.getTime() + intervalSeconds * 1000),
  };
}
