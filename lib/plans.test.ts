import { describe, expect, it } from "vitest";
import { PLANS, nextPlan, planOf, usageText } from "@/lib/plans";

describe("plans", () => {
  it("free monitors 10 vendors, pro 100 (a waitlist until payments exist)", () => {
    expect(PLANS.free.vendorLimit).toBe(10);
    expect(PLANS.pro.vendorLimit).toBe(100);
    expect(PLANS.pro.waitlist).toBe(true);
    expect(nextPlan(PLANS.free)).toBe(PLANS.pro);
    expect(nextPlan(PLANS.pro)).toBeNull();
  });

  it("reads unknown stored ids as free", () => {
    expect(planOf("pro").id).toBe("pro");
    expect(planOf("enterprise").id).toBe("free");
    expect(planOf(null).id).toBe("free");
  });

  it("says usage the way the UI shows it", () => {
    expect(usageText(3, PLANS.free)).toBe("3 of 10 vendors");
  });
});
