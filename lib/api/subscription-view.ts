import type { MySubscription } from "@/lib/data/my-subscriptions";

/** One followed vendor in /api/v1/me responses: `components` is "all" or the chosen public ids. */
export function toApiSubscription(s: MySubscription) {
  return {
    slug: s.vendor.slug,
    name: s.vendor.name,
    status: s.vendor.status,
    stale: s.vendor.stale,
    lastCheckedAt: s.vendor.lastCheckedAt,
    components: s.allComponents ? ("all" as const) : s.components,
    minimumImpact: s.minimumImpact,
    maintenances: s.maintenances,
    eventMode: s.eventMode,
    followedAt: s.createdAt,
  };
}
