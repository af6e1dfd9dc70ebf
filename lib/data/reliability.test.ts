import { describe, expect, it } from "vitest";
import { computeReliability } from "@/lib/data/reliability";

const now = new Date("2026-11-30T00:00:00Z");
const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * 86_400_000 + hours * 3_600_000);
const longAgo = at(400);

describe("computeReliability", () => {
  it("counts incidents open during the 90-day window and averages resolution time", () => {
    const r = computeReliability(
      [
        { impact: "minor", startedAt: at(10), resolvedAt: at(10, 1) },
        { impact: "major", startedAt: at(40), resolvedAt: at(40, 3) },
        { impact: "critical", startedAt: at(1), resolvedAt: null },
        { impact: "minor", startedAt: at(120), resolvedAt: at(120, 1) },
      ],
      longAgo,
      now,
    );
    expect(r.observedDays).toBe(90);
    expect(r.incidents).toBe(3);
    expect(r.incidentsPerMonth).toBe(1);
    expect(r.resolved).toBe(2);
    expect(r.meanTimeToResolveMs).toBe(2 * 3_600_000);
    expect(r.byImpact).toEqual({ none: 0, minor: 1, major: 1, critical: 1 });
  });

  it("a vendor never read has no figures at all, not zeros", () => {
    const r = computeReliability([], null, now);
    expect(r).toMatchObject({ watchedSince: null, observedDays: 0, incidents: null, incidentsPerMonth: null });
  });

  it("covers only the days we watched: history resolved before that does not count", () => {
    const r = computeReliability(
      [
        { impact: "major", startedAt: at(20), resolvedAt: at(20, 2) }, // before we watched
        { impact: "minor", startedAt: at(4), resolvedAt: at(2) }, // open when we started
        { impact: "minor", startedAt: at(1), resolvedAt: at(1, 1) },
      ],
      at(3),
      now,
    );
    expect(r.watchedSince).toBe(at(3).toISOString());
    expect(r.observedDays).toBe(3);
    expect(r.incidents).toBe(2);
    // Three days say nothing about a month.
    expect(r.incidentsPerMonth).toBeNull();
  });

  it("gives a monthly rate from 30 watched days on, over the days watched", () => {
    const r = computeReliability([{ impact: "minor", startedAt: at(2), resolvedAt: null }], at(45), now);
    expect(r.observedDays).toBe(45);
    expect(r.meanTimeToResolveMs).toBeNull();
    expect(r.incidentsPerMonth).toBe(0.7);
    expect(computeReliability([], at(45), now).incidents).toBe(0);
  });

  it("ignores resolutions stamped before the start", () => {
    const r = computeReliability([{ impact: "minor", startedAt: at(2), resolvedAt: at(3) }], longAgo, now);
    expect(r.resolved).toBe(0);
    expect(r.meanTimeToResolveMs).toBeNull();
  });
});
