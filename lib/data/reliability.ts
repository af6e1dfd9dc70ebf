import { db } from "@/lib/db";
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
  incidents: number;
  incidentsPerMonth: number;
  /** Mean time from start to resolution over resolved incidents; null when none resolved. */
  meanTimeToResolveMs: number | null;
  resolved: number;
  byImpact: Record<Impact, number>;
}

/**
 * Reliability over the last `days` days, counting incidents that started in the window. Open
 * incidents count towards the rate but not towards mean time to resolve (they have no end yet).
 */
export function computeReliability(incidents: ReliabilityIncident[], now: Date, days = RELIABILITY_DAYS): Reliability {
  const from = now.getTime() - days * DAY;
  const inWindow = incidents.filter((i) => i.startedAt.getTime() >= from && i.startedAt.getTime() <= now.getTime());
  const byImpact: Record<Impact, number> = { none: 0, minor: 0, major: 0, critical: 0 };
  let resolved = 0;
  let totalMs = 0;
  for (const i of inWindow) {
    byImpact[i.impact] += 1;
    // A resolution stamped before the start is a vendor data error: ignore it, not a negative time.
    if (i.resolvedAt && i.resolvedAt.getTime() >= i.startedAt.getTime()) {
      resolved += 1;
      totalMs += i.resolvedAt.getTime() - i.startedAt.getTime();
    }
  }
  return {
    windowDays: days,
    incidents: inWindow.length,
    incidentsPerMonth: Math.round((inWindow.length / (days / MONTH_DAYS)) * 10) / 10,
    meanTimeToResolveMs: resolved ? Math.round(totalMs / resolved) : null,
    resolved,
    byImpact,
  };
}

export async function loadReliability(slug: string, now = new Date()): Promise<Reliability | null> {
  const vendor = await db.vendor.findUnique({
    where: { slug },
    select: {
      incidents: {
        where: { startedAt: { gte: new Date(now.getTime() - RELIABILITY_DAYS * DAY) } },
        select: { impact: true, startedAt: true, resolvedAt: true },
      },
    },
  });
  return vendor ? computeReliability(vendor.incidents, now) : null;
}
