import { describe, expect, it } from "vitest";
import { formatDuration, formatUtc, relativeTime } from "@/lib/text/format";

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
});
