import { describe, expect, it } from "vitest";
import { dailyStrip, observedSince, uptime, type Interval } from "@/lib/data/uptime";
import { type Status, worstStatus } from "@/lib/domain/vocabulary";

const now = new Date("2026-11-30T12:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("uptime over observed time only", () => {
  const watchedTwoDays: Interval[] = [
    { status: "operational", startedAt: ago(48), endedAt: ago(12) },
    { status: "major_outage", startedAt: ago(12), endedAt: ago(6) },
    { status: "operational", startedAt: ago(6), endedAt: null },
  ];
  const window = ago(90 * 24);

  it("counts only the time since we first saw the component", () => {
    expect(uptime(watchedTwoDays, window, now)).toBe(42 / 48);
    expect(observedSince(watchedTwoDays, window, now)).toEqual(ago(48));
  });

  it("has no figure and no start when nothing was observed", () => {
    expect(uptime([], window, now)).toBeNull();
    expect(observedSince([], window, now)).toBeNull();
    const unknownOnly: Interval[] = [{ status: "unknown", startedAt: ago(5), endedAt: null }];
    expect(uptime(unknownOnly, window, now)).toBeNull();
    expect(observedSince(unknownOnly, window, now)).toBeNull();
  });

  it("clips the observation to the window", () => {
    const old: Interval[] = [{ status: "operational", startedAt: ago(200 * 24), endedAt: null }];
    expect(observedSince(old, window, now)).toEqual(window);
  });

  it("days before the first observation are days without data", () => {
    const strip = dailyStrip(watchedTwoDays, 5, now);
    expect(strip).toEqual({ first: "2026-11-26", statuses: "--oox", dips: [[4, 5000]] });
  });
});

describe("daily strip", () => {
  const DAY = 86_400_000;
  const CODES: Record<Status, string> = {
    operational: "o",
    degraded: "d",
    partial_outage: "p",
    major_outage: "x",
    maintenance: "m",
    unknown: "u",
  };
  /** The definition, one day at a time: worst status that touched the day, uptime over it. */
  function reference(intervals: Interval[], days: number) {
    const today = Math.floor(now.getTime() / DAY) * DAY;
    const out: Array<{ status: string; bp: number | null }> = [];
    for (let i = days - 1; i >= 0; i--) {
      const from = new Date(today - i * DAY);
      const to = new Date(Math.min(from.getTime() + DAY, now.getTime()));
      const seen = intervals
        .filter((iv) => Math.min((iv.endedAt ?? now).getTime(), to.getTime()) > Math.max(+iv.startedAt, +from))
        .map((iv) => iv.status);
      const u = uptime(intervals, from, to);
      out.push({
        status: seen.length ? CODES[worstStatus(seen)] : "-",
        bp: seen.length ? (u === null ? -1 : Math.floor(u * 10000)) : null,
      });
    }
    return out;
  }

  it("matches the day-by-day definition for intervals across days, unknown stretches and today", () => {
    const statuses: Status[] = ["operational", "degraded", "partial_outage", "major_outage", "maintenance", "unknown"];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 20; run++) {
      const intervals: Interval[] = [];
      let t = now.getTime() - 12 * DAY;
      while (t < now.getTime()) {
        const length = next() * 2.5 * DAY;
        const last = t + length >= now.getTime();
        intervals.push({
          status: statuses[Math.floor(next() * statuses.length)] ?? "operational",
          startedAt: new Date(t),
          endedAt: last ? null : new Date(t + length),
        });
        t += length;
      }
      const strip = dailyStrip(intervals, 10, now);
      const expected = reference(intervals, 10);
      expect(strip.statuses).toBe(expected.map((d) => d.status).join(""));
      expect(strip.dips).toEqual(
        expected.flatMap((d, i) => (d.bp === null || d.bp === 10000 ? [] : [[i, d.bp] as [number, number]])),
      );
    }
  });
});
