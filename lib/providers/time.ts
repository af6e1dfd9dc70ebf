import { ParseError } from "./provider";

const ZONED = /(Z|[+-]\d{2}:?\d{2})$/i;
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in ms. */
function zoneOffset(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(utcMs))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Converts a wall-clock time in an IANA zone to UTC ms. Around DST changes it behaves like
 * Temporal's "compatible": an ambiguous hour takes the earlier instant, a skipped hour the later.
 */
export function zonedToUtcMs(wallMs: number, timeZone: string): number {
  const before = zoneOffset(wallMs - 12 * 3600_000, timeZone);
  const after = zoneOffset(wallMs + 12 * 3600_000, timeZone);
  const valid = [wallMs - before, wallMs - after].filter((c) => zoneOffset(c, timeZone) === wallMs - c);
  return valid.length > 0 ? Math.min(...valid) : wallMs - before;
}

/**
 * Normalises any upstream timestamp to `YYYY-MM-DDTHH:MM:SS.sssZ`. Strings with an offset are
 * converted; naive strings (Statuspal, Cachet) are read in `timeZone` (default UTC).
 */
export function toUtc(value: string, timeZone?: string | null): string {
  const s = value.trim();
  const naive = NAIVE.exec(s);
  if (naive && !ZONED.test(s)) {
    const [, y, mo, d, h, mi, sec, frac] = naive;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, "0")) : 0;
    const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0), ms);
    const zone = timeZone || "UTC";
    try {
      return new Date(zone === "UTC" || zone === "Etc/UTC" ? wall : zonedToUtcMs(wall, zone)).toISOString();
    } catch {
      throw new ParseError(`unknown time zone ${zone}`);
    }
  }
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new ParseError(`unparseable time ${JSON.stringify(value)}`);
  return new Date(t).toISOString();
}

export function toUtcOrNull(value: string | null | undefined, timeZone?: string | null): string | null {
  return value ? toUtc(value, timeZone) : null;
}

/** Epoch seconds (number or numeric string) to UTC ISO. */
export function epochToUtc(seconds: string | number): string {
  const n = Number(seconds);
  if (!Number.isFinite(n)) throw new ParseError(`bad epoch ${seconds}`);
  return new Date(n * 1000).toISOString();
}
