import { describe, expect, it } from "vitest";
import { impactAtLeast, worstImpact, worstStatus } from "@/lib/domain/vocabulary";

describe("orderings", () => {
  it("worst status: unknown above operational and maintenance, below any outage", () => {
    expect(worstStatus(["operational", "unknown", "maintenance"])).toBe("unknown");
    expect(worstStatus(["unknown", "degraded"])).toBe("degraded");
    expect(worstStatus([])).toBe("unknown");
    expect(worstStatus([], "operational")).toBe("operational");
  });

  it("worst impact, with a fallback for none at all", () => {
    expect(worstImpact(["minor", "critical", "none"])).toBe("critical");
    expect(worstImpact([])).toBe("none");
    expect(worstImpact([], "minor")).toBe("minor");
    expect(impactAtLeast("major", "minor")).toBe(true);
  });
});
