import { describe, expect, it } from "vitest";
import {
  dayCount,
  formatDuration,
  formatUptime,
  formatUtc,
  relativeTime,
  uptimeSummary,
  watchedFor,
} from "@/lib/text/format";

describe("format", () => {
  it("formats durations compactly", () => {
    expect(formatDuration(30_000)).toBe("under 1 min");
    expect(formatDuration(45 * 60_000)).toBe("45 min");
    expect(formatDuration(125 * 60_000)).toBe("2 h 5 min");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe("3 d 4 h");
  });

  it("formats UTC times", () => {
    expect(formatUtc("2026-11-20T09:05:00Z")).toBe("20 Nov 2026, 09:05 UTC");
  });

  it("says how long ago", () => {
    const now = Date.parse("2026-11-20T12:00:00Z");
    expect(relativeTime("2026-11-20T11:59:30Z", now)).toBe("less than a minute ago");
    expect(relativeTime("2026-11-20T11:59:00Z", now)).toBe("1 minute ago");
    expect(relativeTime("2026-11-20T11:48:00Z", now)).toBe("12 minutes ago");
    expect(relativeTime("2026-11-20T09:00:00Z", now)).toBe("3 hours ago");
    expect(relativeTime("2026-11-18T12:00:00Z", now)).toBe("2 days ago");
    expect(relativeTime("2026-11-20T12:00:30Z", now)).toBe("less than a minute ago");
  });

  it("says how long we watched, in whole days", () => {
    expect(watchedFor(0.4)).toBe("watched for less than a day");
    expect(watchedFor(1.9)).toBe("watched for 1 day");
    expect(dayCount(3.2)).toBe("3 days");
  });

  it("states the period of every uptime figure", () => {
    const now = new Date("2026-11-30T00:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    expect(uptimeSummary(null, null, now, 90)).toBe("No uptime data yet");
    expect(uptimeSummary(0.99987, ago(90), now, 90)).toBe("99.98% uptime, 90 days");
    expect(uptimeSummary(1, ago(3.5), now, 90)).toBe("100% uptime, watched for 3 days");
    expect(uptimeSummary(1, ago(0.2), now, 90)).toBe("100% uptime, watched for less than a day");
    expect(formatUptime(0.99999)).toBe("99.99%");
  });
});
