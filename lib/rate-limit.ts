import { db } from "@/lib/db";

/**
 * Fixed-window counters in PostgreSQL, so every web instance shares them and a restart does not
 * reset them. One statement per hit: the upsert both counts and answers, so concurrent requests
 * can never all squeeze under the limit.
 */
export interface RateRule {
  /** What is limited, e.g. "sign-in:email". Part of the key. */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  ok: boolean;
  count: number;
  /** When the current window ends: the earliest moment a refused request can succeed. */
  resetAt: Date;
}

export const SIGN_IN_PER_ADDRESS: RateRule = { name: "sign-in:address", limit: 5, windowMs: 15 * 60_000 };
export const SIGN_IN_PER_IP: RateRule = { name: "sign-in:ip", limit: 30, windowMs: 15 * 60_000 };
export const EMAIL_CHANGE_PER_USER: RateRule = { name: "email-change:user", limit: 5, windowMs: 60 * 60_000 };
export const ADD_VENDOR_PER_USER: RateRule = { name: "add-vendor:user", limit: 20, windowMs: 60 * 60_000 };

export function windowStart(rule: RateRule, now: Date): Date {
  return new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
}

export async function hit(rule: RateRule, subject: string, now = new Date()): Promise<RateDecision> {
  const start = windowStart(rule, now);
  const rows = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${`${rule.name}:${subject}`}, ${start}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 0);
  // Old windows are useless; clearing them now and then keeps the table small without a job.
  if (Math.random() < 0.02) await pruneRateLimits(now);
  return { ok: count <= rule.limit, count, resetAt: new Date(start.getTime() + rule.windowMs) };
}

/** Counts one request against several rules; refused when any of them is over its limit. */
export async function hitAll(checks: Array<[RateRule, string]>, now = new Date()): Promise<RateDecision> {
  const decisions = await Promise.all(checks.map(([rule, subject]) => hit(rule, subject, now)));
  const refused = decisions.filter((d) => !d.ok);
  if (!refused.length) return { ok: true, count: Math.max(...decisions.map((d) => d.count)), resetAt: now };
  const resetAt = new Date(Math.max(...refused.map((d) => d.resetAt.getTime())));
  return { ok: false, count: Math.max(...refused.map((d) => d.count)), resetAt };
}

export async function pruneRateLimits(now = new Date()): Promise<number> {
  return db.rateLimit
    .deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 3600_000) } } })
    .then((r) => r.count);
}
