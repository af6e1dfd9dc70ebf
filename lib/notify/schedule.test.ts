import { describe, expect, it } from "vitest";
import { type DigestSchedule, digestPeriodStart, latestDigest, quietUntil } from "@/lib/notify/schedule";
import { localTime, zonedInstant } from "@/lib/notify/zoned-time";

const at = (iso: string) => new Date(iso);
const daily = (timeZone: string, digestHour: number): DigestSchedule => ({
  digest: "daily",
  digestHour,
  digestWeekday: 1,
  timeZone,
});
const weekly = (timeZone: string, digestWeekday: number, digestHour: number): DigestSchedule => ({
  digest: "weekly",
  digestHour,
  digestWeekday,
  timeZone,
});
const iso = (d: Date | undefined) => d?.toISOString();

describe("wall times in a zone", () => {
  it("reads and builds local times on both sides of UTC and in half-hour zones", () => {
    expect(localTime(at("2026-12-01T10:00:00Z"), "Asia/Kolkata")).toMatchObject({ hour: 15, minute: 30 });
    expect(localTime(at("2026-12-01T10:00:00Z"), "Asia/Kathmandu")).toMatchObject({ hour: 15, minute: 45 });
    expect(localTime(at("2026-12-01T10:00:00Z"), "America/St_Johns")).toMatchObject({ hour: 6, minute: 30 });
    expect(localTime(at("2026-12-01T19:00:00Z"), "Pacific/Auckland")).toMatchObject({ day: 2, hour: 8, weekday: 3 });
    const wall = { year: 2026, month: 12, day: 1, hour: 9, minute: 0 };
    expect(iso(zonedInstant(wall, "America/Los_Angeles"))).toBe("2026-12-01T17:00:00.000Z");
    expect(iso(zonedInstant(wall, "Asia/Kolkata"))).toBe("2026-12-01T03:30:00.000Z");
  });

  it("a skipped wall time means the end of the gap, a repeated one the first of the two", () => {
    // London skips 01:00-02:00 on 29 March 2026; New York repeats 01:00-02:00 on 1 November 2026.
    expect(iso(zonedInstant({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, "Europe/London"))).toBe(
      "2026-03-29T01:00:00.000Z",
    );
    expect(iso(zonedInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York"))).toBe(
      "2026-11-01T05:30:00.000Z",
    );
    // Lord Howe Island moves its clocks by half an hour.
    expect(iso(zonedInstant({ year: 2026, month: 10, day: 4, hour: 2, minute: 15 }, "Australia/Lord_Howe"))).toBe(
      "2026-10-03T15:30:00.000Z",
    );
  });
});

describe("when a digest is due", () => {
  it("daily, west of UTC, across the spring change: the period is 23 hours", () => {
    const o = latestDigest(daily("America/New_York", 8), at("2026-03-08T12:30:00Z"));
    expect(o?.period).toBe("daily:2026-03-08");
    expect(iso(o?.at)).toBe("2026-03-08T12:00:00.000Z"); // 08:00 EDT
    expect(iso(o?.previous)).toBe("2026-03-07T13:00:00.000Z"); // 08:00 EST
  });

  it("daily, across the autumn change: the period is 25 hours", () => {
    const o = latestDigest(daily("America/New_York", 8), at("2026-11-01T13:00:00Z"));
    expect(o?.period).toBe("daily:2026-11-01");
    expect(iso(o?.previous)).toBe("2026-10-31T12:00:00.000Z");
    // Just before 08:00 EST the day's digest is not due yet: yesterday's is the latest.
    expect(latestDigest(daily("America/New_York", 8), at("2026-11-01T12:59:00Z"))?.period).toBe("daily:2026-10-31");
  });

  it("a digest hour that happens twice is still one period, one that is skipped sends after the jump", () => {
    const ny = daily("America/New_York", 1);
    const first = latestDigest(ny, at("2026-11-01T05:10:00Z")); // 01:10 EDT
    const second = latestDigest(ny, at("2026-11-01T06:10:00Z")); // 01:10 EST, the hour again
    expect(first?.period).toBe("daily:2026-11-01");
    expect(second).toEqual(first);
    const london = latestDigest(daily("Europe/London", 1), at("2026-03-29T01:05:00Z"));
    expect(london?.period).toBe("daily:2026-03-29");
    expect(iso(london?.at)).toBe("2026-03-29T01:00:00.000Z");
  });

  it("daily east of UTC, where the local date is already tomorrow", () => {
    const o = latestDigest(daily("Pacific/Auckland", 7), at("2026-12-01T19:00:00Z"));
    expect(o?.period).toBe("daily:2026-12-02");
    expect(iso(o?.at)).toBe("2026-12-01T18:00:00.000Z");
  });

  it("weekly in half-hour and quarter-hour zones", () => {
    // Monday 09:00 in Kolkata (UTC+5:30); 1 December 2026 is a Tuesday.
    const kolkata = latestDigest(weekly("Asia/Kolkata", 1, 9), at("2026-12-01T10:00:00Z"));
    expect(kolkata?.period).toBe("weekly:2026-11-30");
    expect(iso(kolkata?.at)).toBe("2026-11-30T03:30:00.000Z");
    expect(iso(kolkata?.previous)).toBe("2026-11-23T03:30:00.000Z");
    // On Monday before 09:00 the latest is a week earlier.
    expect(latestDigest(weekly("Asia/Kolkata", 1, 9), at("2026-11-30T03:00:00Z"))?.period).toBe("weekly:2026-11-23");
    const kathmandu = latestDigest(weekly("Asia/Kathmandu", 0, 18), at("2026-12-01T00:00:00Z"));
    expect(kathmandu?.period).toBe("weekly:2026-11-29");
    expect(iso(kathmandu?.at)).toBe("2026-11-29T12:15:00.000Z");
  });

  it("weekly across a DST change east of UTC (Auckland, spring forward 27 September 2026)", () => {
    const o = latestDigest(weekly("Pacific/Auckland", 1, 8), at("2026-09-28T12:00:00Z"));
    expect(o?.period).toBe("weekly:2026-09-28");
    expect(iso(o?.at)).toBe("2026-09-27T19:00:00.000Z"); // 08:00 NZDT (+13)
    expect(iso(o?.previous)).toBe("2026-09-20T20:00:00.000Z"); // 08:00 NZST (+12)
  });

  it("after downtime the one catch-up digest covers what the missed ones would have", () => {
    const s = daily("Europe/Paris", 8);
    const o = latestDigest(s, at("2026-12-05T09:00:00Z"));
    if (!o) throw new Error("expected a digest");
    const lastSent = at("2026-12-02T07:00:00Z"); // the digest of 2 December went out; 3 and 4 were missed
    expect(iso(digestPeriodStart(o, lastSent, s))).toBe("2026-12-02T07:00:00.000Z");
    expect(iso(digestPeriodStart(o, null, s))).toBe(iso(o.previous));
    expect(iso(digestPeriodStart(o, at("2026-01-01T00:00:00Z"), s))).toBe("2026-12-01T07:00:00.000Z"); // 4 days at most
  });
});

describe("quiet hours", () => {
  const q = { quietHours: true, quietStart: 22 * 60, quietEnd: 7 * 60, timeZone: "Europe/Paris" };

  it("spanning midnight: ends at the next local end time", () => {
    expect(iso(quietUntil(q, at("2026-12-01T22:30:00Z")) ?? undefined)).toBe("2026-12-02T06:00:00.000Z");
    expect(iso(quietUntil(q, at("2026-12-02T05:00:00Z")) ?? undefined)).toBe("2026-12-02T06:00:00.000Z");
    expect(quietUntil(q, at("2026-12-02T11:00:00Z"))).toBeNull();
    expect(quietUntil({ ...q, quietHours: false }, at("2026-12-01T22:30:00Z"))).toBeNull();
  });

  it("within one day, and ending in a skipped hour", () => {
    const day = { quietHours: true, quietStart: 12 * 60, quietEnd: 14 * 60, timeZone: "Asia/Kolkata" };
    expect(iso(quietUntil(day, at("2026-12-01T07:00:00Z")) ?? undefined)).toBe("2026-12-01T08:30:00.000Z");
    expect(quietUntil(day, at("2026-12-01T09:00:00Z"))).toBeNull();
    // Paris skips 02:00-03:00 on 29 March 2026: quiet until 02:30 ends at 03:00 CEST.
    const night = { ...q, quietEnd: 150 };
    expect(iso(quietUntil(night, at("2026-03-28T23:30:00Z")) ?? undefined)).toBe("2026-03-29T01:00:00.000Z");
  });
});
