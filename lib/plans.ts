/**
 * Plans as data: what each allows, in one place. Limits are enforced by the data layer
 * (lib/data/subscriptions.ts) in the same transaction as the insert they limit.
 */
export const PLAN_IDS = ["free", "pro"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export interface Plan {
  id: PlanId;
  name: string;
  /** How many vendors a user of this plan may monitor. */
  vendorLimit: number;
  /** True while payments do not exist for this plan: "upgrade" joins a waitlist instead. */
  waitlist: boolean;
}

export const PLANS: Record<PlanId, Plan> = {
  free: { id: "free", name: "Free", vendorLimit: 10, waitlist: false },
  pro: { id: "pro", name: "Pro", vendorLimit: 100, waitlist: true },
};

/** A stored plan id; anything unknown (a removed plan, a typo in the database) counts as free. */
export function planOf(id: string | null | undefined): Plan {
  return (PLAN_IDS as readonly string[]).includes(id ?? "") ? PLANS[id as PlanId] : PLANS.free;
}

/** The plan a user at the limit of `current` can move to, if any. */
export function nextPlan(current: Plan): Plan | null {
  return current.id === "free" ? PLANS.pro : null;
}

/** "3 of 10 vendors". */
export function usageText(count: number, plan: Plan): string {
  return `${count} of ${plan.vendorLimit} vendors`;
}
