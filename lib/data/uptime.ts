import { isOutage, worstStatus, type Status } from "@/lib/domain/vocabulary";

export interface Interval {
  status: Status;
  startedAt: Date;
  endedAt: Date | null;
}

const DAY = 86_400_000;
export const UPTIME_DAYS = 90;

/**
 * A strip as it is cached and sent to the browser: one letter a day and the few days that were
 * not fully up, instead of 90 objects (which made a large vendor's cached detail 3.3 MB).
 */
export interface CompactDays {
  /** First (oldest) UTC day, YYYY-MM-DD. */
  first: string;
  /** One letter a day: see STATUS_CODES; "-" for no data. */
  statuses: string;
  /** [day index, uptime in basis points, -1 when unknown] for days with data not at 100%. */
  dips: Array<[number, number]>;
}

export const STATUS_CODES: Record<Status, string> = {
  operational: "o",
  degraded: "d",
  partial_outage: "p",
  major_outage: "x",
  maintenance: "m",
  unknown: "u",
};

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

/**
 * One strip entry per UTC day, oldest first: each day's worst status seen and its uptime over
 * the observed part of the day (as `uptime` counts it). One pass over the intervals, each laid
 * over the days it covers, rather than a pass per day: a vendor has hundreds of strips.
 */
export function dailyStrip(intervals: Interval[], days: number, now: Date): CompactDays {
  const end = now.getTime();
  const first = Math.floor(end / DAY) * DAY - (days - 1) * DAY;
  const worst: Array<Status | null> = new Array<Status | null>(days).fill(null);
  const observed = new Float64Array(days);
  const down = new Float64Array(days);
  for (const iv of intervals) {
    const start = Math.max(iv.startedAt.getTime(), first);
    const stop = Math.min((iv.endedAt ?? now).getTime(), end);
    if (stop <= start) continue;
    for (let d = Math.floor((start - first) / DAY); d < days; d++) {
      const from = first + d * DAY;
      if (from >= stop) break;
      const span = Math.min(stop, from + DAY, end) - Math.max(start, from);
      if (span <= 0) continue;
      const seen = worst[d];
      worst[d] = seen ? worstStatus([seen, iv.status]) : iv.status;
      if (iv.status === "unknown") continue;
      observed[d] = (observed[d] ?? 0) + span;
      if (isOutage(iv.status)) down[d] = (down[d] ?? 0) + span;
    }
  }
  const dips: Array<[number, number]> = [];
  worst.forEach((status, d) => {
    if (!status) return;
    const obs = observed[d] ?? 0;
    const bp = obs === 0 ? -1 : Math.floor(((obs - (down[d] ?? 0)) / obs) * 10000);
    if (bp !== 10000) dips.push([d, bp]);
  });
  return {
    first: new Date(first).toISOString().slice(0, 10),
    statuses: worst.map((s) => (s ? STATUS_CODES[s] : "-")).join(""),
    dips,
  };
}
