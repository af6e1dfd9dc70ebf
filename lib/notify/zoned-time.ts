/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl (Node 20 has no Temporal). Digests
 * and quiet hours speak in the user's local time; these helpers turn that into instants and back,
 * including the days a zone skips an hour (the time after the gap counts) or repeats one (the
 * first of the two counts).
 */
export interface LocalTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** True for a zone Intl knows ("Europe/Paris", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function localTime(instant: Date, timeZone: string): LocalTime & { second: number } {
  const parts: Record<string, string> = {};
  for (const p of format(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ""),
  };
}

/** The wall time as if it were UTC, in ms: comparable and steppable. */
const wallMs = (t: { year: number; month: number; day: number; hour: number; minute: number; second?: number }) =>
  Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second ?? 0);

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
export function offsetMs(instant: Date, timeZone: string): number {
  const seconds = Math.floor(instant.getTime() / 1000) * 1000;
  return wallMs(localTime(new Date(seconds), timeZone)) - seconds;
}

/**
 * The first instant at which the zone's clocks read the given wall time or later: the wall time
 * itself on ordinary days, the earlier of the two on a day the hour repeats, and the end of the
 * gap on a day it is skipped.
 */
export function zonedInstant(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const target = wallMs(wall);
  const DAY = 86_400_000;
  const candidates = [
    ...new Set([offsetMs(new Date(target - DAY), timeZone), offsetMs(new Date(target + DAY), timeZone)]),
  ]
    .map((offset) => target - offset)
    .sort((a, b) => a - b);
  const exact = candidates.find((t) => wallMs(localTime(new Date(t), timeZone)) === target);
  if (exact !== undefined) return new Date(exact);
  // In a gap: search the minute at which local time first reaches the target.
  let lo = candidates[0] as number;
  let hi = candidates.at(-1) as number;
  if (wallMs(localTime(new Date(lo), timeZone)) >= target) return new Date(lo);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (wallMs(localTime(new Date(mid), timeZone)) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The civil date `days` after the given one (negative for before). */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

export const isoDate = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
