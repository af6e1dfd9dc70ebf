import { describe, expect, it } from "vitest";
import { dailyBars, observedSince, uptime, type Interval } from "@/lib/data/uptime";

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

  it("days before the first observation are bars without data", () => {
    const bars = dailyBars(watchedTwoDays, 5, now);
    expect(bars.map((b) => b.worst)).toEqual([null, null, "operational", "operational", "major_outage"]);
    expect(bars[0]?.uptime).toBeNull();
  });
});
