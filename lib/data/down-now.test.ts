import { describe, expect, it } from "vitest";
import { type DownVendor, rankDownVendors } from "@/lib/data/down-now";

const v = (name: string, status: DownVendor["status"], incidents: DownVendor["incidents"] = []): DownVendor => ({
  slug: name.toLowerCase(),
  name,
  status,
  stale: false,
  lastCheckedAt: null,
  incidents,
});
const inc = (impact: DownVendor["incidents"][number]["impact"], startedAt = "2026-11-20T10:00:00Z") => ({
  id: impact,
  title: impact,
  impact,
  startedAt,
});

describe("rankDownVendors", () => {
  it("puts the most severe first, counting open incident impact", () => {
    const ranked = rankDownVendors([
      v("Degraded", "degraded"),
      v("Major", "major_outage"),
      v("Quiet", "operational", [inc("critical")]),
      v("Partial", "partial_outage"),
      v("Minor", "operational", [inc("minor")]),
    ]);
    expect(ranked.map((r) => r.name)).toEqual(["Major", "Quiet", "Partial", "Degraded", "Minor"]);
  });

  it("breaks ties by the longest-running incident, then by name", () => {
    const ranked = rankDownVendors([
      v("B", "major_outage"),
      v("Newer", "major_outage", [inc("major", "2026-11-20T12:00:00Z")]),
      v("Older", "major_outage", [inc("major", "2026-11-20T08:00:00Z")]),
      v("A", "major_outage"),
    ]);
    expect(ranked.map((r) => r.name)).toEqual(["Older", "Newer", "A", "B"]);
  });
});
