import { describe, expect, it } from "vitest";
import { computeReliability } from "@/lib/data/reliability";

const now = new Date("2026-11-30T00:00:00Z");
const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * 86_400_000 + hours * 3_600_000);

describe("computeReliability", () => {
  it("counts incidents in the 90-day window and averages resolution time", () => {
    const r = computeReliability(
      [
        { impact: "minor", startedAt: at(10), resolvedAt: at(10, 1) },
        { impact: "major", startedAt: at(40), resolvedAt: at(40, 3) },
        { impact: "critical", startedAt: at(1), resolvedAt: null },
        { impact: "minor", startedAt: at(120), resolvedAt: at(120, 1) },
      ],
      now,
    );
    expect(r.incidents).toBe(3);
    expect(r.incidentsPerMonth).toBe(1);
    expect(r.resolved).toBe(2);
    expect(r.meanTimeToResolveMs).toBe(2 * 3_600_000);
    expect(r.byImpact).toEqual({ none: 0, minor: 1, major: 1, critical: 1 });
  });

  it("has no mean time to resolve without resolved incidents", () => {
    const r = computeReliability([{ impact: "minor", startedAt: at(2), resolvedAt: null }], now);
    expect(r.meanTimeToResolveMs).toBeNull();
    expect(r.incidentsPerMonth).toBe(0.3);
    expect(computeReliability([], now).incidents).toBe(0);
  });

  it("ignores resolutions stamped before the start", () => {
    const r = computeReliability([{ impact: "minor", startedAt: at(2), resolvedAt: at(3) }], now);
    expect(r.resolved).toBe(0);
    expect(r.meanTimeToResolveMs).toBeNull();
  });
});
