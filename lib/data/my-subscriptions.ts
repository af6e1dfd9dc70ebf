import { db } from "@/lib/db";
import type { Impact, Status } from "@/lib/domain/vocabulary";
import { isStale } from "@/lib/data/staleness";
import type { EventMode } from "@/lib/data/subscriptions";
import { type Plan, planOf } from "@/lib/plans";

/** One followed vendor and how the user hears about it, as the dashboard and the API show it. */
export interface MySubscription {
  vendor: { slug: string; name: string; status: Status; stale: boolean; lastCheckedAt: string | null };
  /** True: every component; false: only `components`. */
  allComponents: boolean;
  /** Public ids (as in /api/v1/vendors/<slug>) of the chosen components. */
  components: string[];
  minimumImpact: Impact;
  maintenances: boolean;
  eventMode: EventMode;
  emailEnabled: boolean;
  createdAt: string;
}

export async function listMySubscriptions(userId: string): Promise<MySubscription[]> {
  const rows = await db.subscription.findMany({
    where: { userId },
    orderBy: { vendor: { name: "asc" } },
    select: {
      componentFilter: true,
      minimumImpact: true,
      maintenances: true,
      eventMode: true,
      emailEnabled: true,
      createdAt: true,
      vendor: {
        select: {
          slug: true,
          name: true,
          status: true,
          lastCheckedAt: true,
          lastSuccessAt: true,
          consecutiveFailures: true,
        },
      },
      components: { select: { component: { select: { providerId: true } } } },
    },
  });
  return rows.map((r) => ({
    vendor: {
      slug: r.vendor.slug,
      name: r.vendor.name,
      status: r.vendor.status,
      stale: isStale(r.vendor),
      lastCheckedAt: r.vendor.lastCheckedAt?.toISOString() ?? null,
    },
    allComponents: !r.componentFilter,
    components: r.componentFilter ? r.components.map((c) => c.component.providerId).sort() : [],
    minimumImpact: r.minimumImpact,
    maintenances: r.maintenances,
    eventMode: r.eventMode,
    emailEnabled: r.emailEnabled,
    createdAt: r.createdAt.toISOString(),
  }));
}

export interface PlanUsage {
  plan: Plan;
  count: number;
  waitlistedAt: string | null;
  /** False until a time zone was chosen or detected from the browser. */
  timeZoneSet: boolean;
}

export async function planUsage(userId: string): Promise<PlanUsage> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      plan: true,
      waitlistedAt: true,
      preferences: { select: { timeZoneSetAt: true } },
      _count: { select: { subscriptions: true } },
    },
  });
  return {
    plan: planOf(user?.plan),
    count: user?._count.subscriptions ?? 0,
    waitlistedAt: user?.waitlistedAt?.toISOString() ?? null,
    timeZoneSet: Boolean(user?.preferences?.timeZoneSetAt),
  };
}
