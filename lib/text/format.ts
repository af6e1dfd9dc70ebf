const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 d 4 h", "2 h 5 min", "45 min", "under 1 min": short, for tables and summaries. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return "under 1 min";
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return `${m} min`;
}

const UTC_FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Server-rendered times are UTC and say so: the same HTML is cached for every visitor. */
export function formatUtc(iso: string | Date): string {
  return `${UTC_FORMAT.format(typeof iso === "string" ? new Date(iso) : iso)} UTC`;
}

/** "less than a minute ago", "5 minutes ago", "2 hours ago", "3 days ago". */
export function relativeTime(iso: string, now: number): string {
  const diff = Math.max(0, now - new Date(iso).getTime());
  if (diff < MINUTE) return "less than a minute ago";
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (diff < HOUR) return plural(Math.floor(diff / MINUTE), "minute");
  if (diff < DAY) return plural(Math.floor(diff / HOUR), "hour");
  return plural(Math.floor(diff / DAY), "day");
}

/** "less than a day", "1 day", "12 days": a length of time in whole days. */
export function dayCount(days: number): string {
  if (days < 1) return "less than a day";
  const n = Math.floor(days);
  return `${n} day${n === 1 ? "" : "s"}`;
}

/** "watched for less than a day", "watched for 1 day", "watched for 12 days". */
export const watchedFor = (days: number) => `watched for ${dayCount(days)}`;

/** 99.8%, 100%: floored, so a day with any outage never rounds up to 100%. */
export function formatUptime(value: number): string {
  return `${Math.floor(value * 10000) / 100}%`;
}

/**
 * "99.98% uptime, 90 days", or for a shorter observation "100% uptime, watched for 3 days":
 * an uptime figure always says the period it covers. `since` is where the observation starts.
 */
export function uptimeSummary(uptime: number | null, since: string | null, now: Date, windowDays: number): string {
  if (uptime === null || since === null) return "No uptime data yet";
  const days = (now.getTime() - Date.parse(since)) / DAY;
  // The window's start moves with the clock: within an hour of it counts as the whole window.
  const period = days >= windowDays - 1 / 24 ? `${windowDays} days` : watchedFor(days);
  return `${formatUptime(uptime)} uptime, ${period}`;
}
