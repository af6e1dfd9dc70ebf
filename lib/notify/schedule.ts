import { addDays, isoDate, localTime, zonedInstant } from "@/lib/notify/zoned-time";

/** The parts of NotificationPreference that say when a user hears from us. */
export interface DigestSchedule {
  digest: "off" | "daily" | "weekly";
  /** Local hour, 0-23. */
  digestHour: number;
  /** 0 = Sunday ... 6 = Saturday. */
  digestWeekday: number;
  timeZone: string;
}

export interface DigestOccurrence {
  /** "daily:2026-12-01" or "weekly:2026-11-30": the local date of the send, unique per user. */
  period: string;
  /** When this digest is due. */
  at: Date;
  /** When the one before it was due: the period this digest covers starts there. */
  previous: Date;
}

const DAY = 86_400_000;

/**
 * The latest digest that is due at `now` (at or before it), in the user's zone. Keyed by the local
 * date, so a day whose digest hour happens twice (the clocks went back) still has one digest, and a
 * day that skips the hour sends it when the clocks have jumped.
 */
export function latestDigest(s: DigestSchedule, now: Date): DigestOccurrence | null {
  if (s.digest === "off") return null;
  const today = localTime(now, s.timeZone);
  const at = (date: { year: number; month: number; day: number }) =>
    zonedInstant({ ...date, hour: s.digestHour, minute: 0 }, s.timeZone);
  const step = s.digest === "daily" ? 1 : 7;
  // The most recent local date on the schedule's weekday (any day for daily) whose send time has come.
  let back = s.digest === "daily" ? 0 : (today.weekday - s.digestWeekday + 7) % 7;
  let date = addDays(today, -back);
  if (at(date).getTime() > now.getTime()) {
    back += step;
    date = addDays(today, -back);
  }
  return { period: `${s.digest}:${isoDate(date)}`, at: at(date), previous: at(addDays(date, -step)) };
}

/**
 * The start of the period a digest covers: from the previous digest's send time, or, after downtime
 * that skipped some, from the end of the last one actually sent (at most four periods back).
 */
export function digestPeriodStart(o: DigestOccurrence, lastSentEnd: Date | null, s: DigestSchedule): Date {
  if (!lastSentEnd || lastSentEnd.getTime() >= o.previous.getTime()) return o.previous;
  const cap = o.at.getTime() - 4 * (s.digest === "weekly" ? 7 : 1) * DAY;
  return new Date(Math.max(lastSentEnd.getTime(), cap));
}

export interface QuietHours {
  quietHours: boolean;
  /** Local minutes since midnight; start after end spans midnight. */
  quietStart: number;
  quietEnd: number;
  timeZone: string;
}

/** Whether `now` is inside the user's quiet hours, and if so when they end. */
export function quietUntil(q: QuietHours, now: Date): Date | null {
  if (!q.quietHours || q.quietStart === q.quietEnd) return null;
  const t = localTime(now, q.timeZone);
  const minute = t.hour * 60 + t.minute;
  const quiet =
    q.quietStart < q.quietEnd
      ? minute >= q.quietStart && minute < q.quietEnd
      : minute >= q.quietStart || minute < q.quietEnd;
  if (!quiet) return null;
  const endDate = minute < q.quietEnd ? t : addDays(t, 1);
  return zonedInstant(
    {
      year: endDate.year,
      month: endDate.month,
      day: endDate.day,
      hour: Math.floor(q.quietEnd / 60),
      minute: q.quietEnd % 60,
    },
    q.timeZone,
  );
}
