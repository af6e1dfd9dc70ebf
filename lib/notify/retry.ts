/**
 * Retry policy shared by every sender. Twelve attempts spread over about six hours: well inside
 * Resend's 24-hour idempotency window, so a retry can never be taken for a new email.
 */
export const MAX_ATTEMPTS = 12;
/** A claimed delivery is someone's for this long; a sender that dies is retried after it. */
export const LEASE_MS = 2 * 60_000;
/** This many failed attempts in a row turn a channel off (and its owner is told). */
export const DISABLE_AFTER_FAILURES = 10;

const BASE_MS = 30_000;
const CAP_MS = 60 * 60_000;

/** Wait before the next attempt, after `attempts` tries: 30 s, 1 min, 2 min ... at most an hour, with jitter. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const plain = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(plain * (0.8 + random() * 0.4));
}

export function nextAttemptAt(now: Date, attempts: number, retryAfterMs?: number): Date {
  const wait = Math.max(backoffMs(attempts), Math.min(retryAfterMs ?? 0, CAP_MS));
  return new Date(now.getTime() + wait);
}
