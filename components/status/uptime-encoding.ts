import { type CompactDays, STATUS_CODES } from "@/lib/data/uptime";
import { formatUptime } from "@/lib/text/format";
import type { Status } from "@/lib/domain/vocabulary";

const BY_CODE = new Map(Object.entries(STATUS_CODES).map(([status, code]) => [code, status as Status]));

const DAY_WORDS: Record<Status, string> = {
  operational: "operational",
  degraded: "degraded performance",
  partial_outage: "partial outage",
  major_outage: "major outage",
  maintenance: "maintenance",
  unknown: "status unknown",
};

export function statusAt(days: CompactDays, i: number): Status | null {
  return BY_CODE.get(days.statuses[i] ?? "-") ?? null;
}

export function dayAt(days: CompactDays, i: number): string {
  return new Date(Date.parse(`${days.first}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
}

/** "2026-11-20: 99.79% uptime, partial outage" or "2026-11-20: no data". */
export function dayLabel(days: CompactDays, i: number): string {
  const status = statusAt(days, i);
  if (status === null) return `${dayAt(days, i)}: no data`;
  const bp = days.dips.find(([day]) => day === i)?.[1] ?? 10000;
  const uptime = bp < 0 ? "uptime unknown" : `${formatUptime(bp / 10000)} uptime`;
  return `${dayAt(days, i)}: ${uptime}, ${DAY_WORDS[status]}`;
}

/** Runs of equal days, so the strip draws a handful of shapes instead of ninety. */
export function runs(days: CompactDays): Array<{ start: number; length: number; status: Status | null }> {
  const out: Array<{ start: number; length: number; status: Status | null }> = [];
  for (let i = 0; i < days.statuses.length; i++) {
    const status = statusAt(days, i);
    const last = out.at(-1);
    if (last && last.status === status) last.length++;
    else out.push({ start: i, length: 1, status });
  }
  return out;
}

/** The days that were not fully up, in words: what a screen reader needs instead of 90 bars. */
export function summarise(days: CompactDays): string {
  const bad: string[] = [];
  for (let i = 0; i < days.statuses.length; i++) {
    const s = statusAt(days, i);
    if (s && s !== "operational" && s !== "unknown") bad.push(dayLabel(days, i));
  }
  if (!days.statuses.replace(/-/g, "")) return "no data yet";
  return bad.length
    ? `${bad.length} day${bad.length === 1 ? "" : "s"} with problems: ${bad.slice(-5).join("; ")}`
    : "no problems recorded";
}
