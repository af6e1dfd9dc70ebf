import { env } from "@/env";

/** Polls that may fail in a row before we stop vouching for a vendor's data. */
export const STALE_AFTER_FAILURES = 3;

/**
 * A vendor is stale when its last 3 polls failed, or when 3 intervals passed without a
 * successful poll (the scheduler itself may be behind). Never-polled vendors are not stale:
 * they have no data to be stale about, and show "unknown".
 */
export function isStale(
  v: { consecutiveFailures: number; lastSuccessAt: Date | null; lastCheckedAt: Date | null },
  now = new Date(),
): boolean {
  if (v.consecutiveFailures >= STALE_AFTER_FAILURES) return true;
  if (!v.lastCheckedAt && !v.lastSuccessAt) return false;
  const limit = STALE_AFTER_FAILURES * env.POLL_INTERVAL_SECONDS * 1000;
  return !v.lastSuccessAt || now.getTime() - v.lastSuccessAt.getTime() > limit;
}
