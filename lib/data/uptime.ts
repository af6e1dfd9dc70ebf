import { isOutage, worstStatus, type Status } from "@/lib/domain/vocabulary";

export interface Interval {
  status: Status;
  startedAt: Date;
  endedAt: Date | null;
}

export interface DayBar {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** Worst status seen that day, or null when we have no observation for it. */
  worst: Status | null;
  /** Seconds spent in partial or major outage. */
  outageSeconds: number;
  uptime: number | null;
}

const DAY = 86_400_000;

/**
 * Uptime over a window from status intervals: the share of *observed* time not spent in a
 * partial or major outage. Time before we first saw the component, or in "unknown", is not
 * counted either way; null when nothing was observed.
 */
export function uptime(intervals: Interval[], from: Date, to: Date): number | null {
  let observed = 0;
  let down = 0;
  for (const iv of intervals) {
    if (iv.status === "unknown") continue;
    const start = Math.max(iv.startedAt.getTime(), from.getTime());
    const end = Math.min((iv.endedAt ?? to).getTime(), to.getTime());
    if (end <= start) continue;
    observed += end - start;
    if (isOutage(iv.status)) down += end - start;
  }
  return observed === 0 ? null : (observed - down) / observed;
}

/**
 * When the observed part of a window starts: the first known (not "unknown") interval, clipped to
 * the window. Null when nothing was observed, like `uptime`.
 */
export function observedSince(intervals: Interval[], from: Date, to: Date): Date | null {
  let first: number | null = null;
  for (const iv of intervals) {
    if (iv.status === "unknown" || (iv.endedAt && iv.endedAt.getTime() <= from.getTime())) continue;
    if (iv.startedAt.getTime() >= to.getTime()) continue;
    const start = Math.max(iv.startedAt.getTime(), from.getTime());
    if (first === null || start < first) first = start;
  }
  return first === null ? null : new Date(first);
}

/** One bar per UTC day, oldest first, for the uptime strip. */
export function dailyBars(intervals: Interval[], days: number, now: Date): DayBar[] {
  const todayStart = Math.floor(now.getTime() / DAY) * DAY;
  const bars: DayBar[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const from = new Date(todayStart - i * DAY);
    const to = new Date(Math.min(from.getTime() + DAY, now.getTime()));
    const seen: Status[] = [];
    let outage = 0;
    for (const iv of intervals) {
      const start = Math.max(iv.startedAt.getTime(), from.getTime());
      const end = Math.min((iv.endedAt ?? now).getTime(), to.getTime());
      if (end <= start) continue;
      seen.push(iv.status);
      if (isOutage(iv.status)) outage += end - start;
    }
    bars.push({
      day: from.toISOString().slice(0, 10),
      worst: seen.length ? worstStatus(seen) : null,
      outageSeconds: Math.round(outage / 1000),
      uptime: uptime(intervals, from, to),
    });
  }
  return bars;
}
