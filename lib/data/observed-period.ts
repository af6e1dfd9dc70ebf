const DAY = 86_400_000;

/**
 * The part of a window ending `now` that Vendorwatch actually watched: figures about that window
 * cover only this part, and say how long it is ("watched for 3 days").
 */
export interface ObservedPeriod {
  /** Start of the watched part: the later of the window's start and the first successful poll. */
  from: Date;
  /** Length of the watched part in days (fractional). */
  days: number;
  /** True when we watched the whole window. */
  whole: boolean;
}

/** Null when the vendor was never read successfully: there is nothing to state figures about. */
export function observedPeriod(watchedSince: Date | null, now: Date, windowDays: number): ObservedPeriod | null {
  if (!watchedSince || watchedSince.getTime() > now.getTime()) return null;
  const windowStart = now.getTime() - windowDays * DAY;
  const from = Math.max(windowStart, watchedSince.getTime());
  return { from: new Date(from), days: (now.getTime() - from) / DAY, whole: from === windowStart };
}
