import { db } from "@/lib/db";
import { observedPeriod } from "@/lib/data/observed-period";
import type { Impact } from "@/lib/domain/vocabulary";

const DAY = 86_400_000;
export const RELIABILITY_DAYS = 90;
/** A "month" in the stats is 30 days, so 90 days is exactly three of them. */
const MONTH_DAYS = 30;

export interface ReliabilityIncident {
  impact: Impact;
  startedAt: Date;
  resolvedAt: Date | null;
}

export interface Reliability {
  windowDays: number;
  /** When we first read the vendor's page (ISO); null when never, and then every figure is null. */
  watchedSince: string | null;
  /** Days of the window we watched: the period every figure below covers. */
  observedDays: number;
  /** Incidents that were open at some point of the watched period. */
  incidents: number | null;
  /** Per 30 days; null until we watched at least that long (a rate from 3 days is a guess). */
  incidentsPerMonth: number | null;
  /** Mean time from start to resolution over resolved incidents; null when none resolved. */
  meanTimeToResolveMs: number | null;
  resolved: number;
  byImpact: Record<Impact, number>;
}

/**
 * Reliability over the part of the last `days` days we watched (see observed-period.ts). An
 * incident counts when it was open during that period, so one the vendor had already resolved
 * before we started watching does not; open ones count towards the rate but not towards mean
 * time to resolve (they have no end yet).
 */
export function computeReliability(
  incidents: ReliabilityIncident[],
  watchedSince: Date | null,
  now: Date,
  days = RELIABILITY_DAYS,
): Reliability {
  const byImpact: Record<Impact, number> = { none: 0, minor: 0, major: 0, critical: 0 };
  const period = observedPeriod(watchedSince, now, days);
  if (!period) {
    const none = { incidents: null, incidentsPerMonth: null, meanTimeToResolveMs: null, resolved: 0 };
    return { windowDays: days, watchedSince: null, observedDays: 0, ...none, byImpact };
  }
  const from = period.from.getTime();
  const during = incidents.filter(
    (i) => i.startedAt.getTime() <= now.getTime() && (i.resolvedAt === null || i.resolvedAt.getTime() >= from),
  );
  let resolved = 0;
  let totalMs = 0;
  for (const i of during) {
    byImpact[i.impact] += 1;
    // A resolution stamped before the start is a vendor data error: ignore it, not a negative time.
    if (i.resolvedAt && i.resolvedAt.getTime() >= i.startedAt.getTime()) {
      resolved += 1;
      totalMs += i.resolvedAt.getTime() - i.startedAt.getTime();
    }
  }
  return {
    windowDays: days,
    watchedSince: watchedSince?.toISOString() ?? null,
    observedDays: period.days,
    incidents: during.length,
    incidentsPerMonth:
      period.days >= MONTH_DAYS ? Math.round((during.length / (period.days / MONTH_DAYS)) * 10) / 10 : null,
    meanTimeToResolveMs: resolved ? Math.round(totalMs / resolved) : null,
    resolved,
    byImpact,
  };
}

export async function loadReliability(slug: string, now = new Date()): Promise<Reliability | null> {
  const from = new Date(now.getTime() - RELIABILITY_DAYS * DAY);
  const vendor = await db.vendor.findUnique({
    where: { slug },
    select: {
      firstSuccessAt: true,
      incidents: {
        where: { startedAt: { lte: now }, OR: [{ resolvedAt: null }, { resolvedAt: { gte: from } }] },
        select: { impact: true, startedAt: true, resolvedAt: true },
      },
    },
  });
  return vendor ? computeReliability(vendor.incidents, vendor.firstSuccessAt, now) : null;
}
