import type { Metadata } from "next";
import { groupComponents } from "@/components/vendor-page/component-groups";
import { requireUser } from "@/lib/auth";
import { getVendorDetail } from "@/lib/data/cached";
import { buildDashboardFeed } from "@/lib/data/dashboard-feed";
import { listMySubscriptions, planUsage } from "@/lib/data/my-subscriptions";
import type { VendorDetail } from "@/lib/data/vendor-detail";
import { usageText } from "@/lib/plans";
import { AddVendor } from "./add-vendor";
import { FeedList } from "./feed-list";
import { DashboardNotices } from "./notices";
import { PlanUsage } from "./plan-usage";
import { VendorItem } from "./vendor-item";
import { TimeZoneDetector } from "../settings/time-zone-detector";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The signed-in home: my vendors with live status, what touches my components now, and the last
 * 30 days. Vendor facts come from the same per-vendor cache as the public pages (invalidated on
 * each poll that changes the vendor), so the page costs the session and subscription reads only.
 */
export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireUser("/dashboard");
  const [subs, usage, params] = await Promise.all([listMySubscriptions(user.id), planUsage(user.id), searchParams]);
  const details = new Map<string, VendorDetail>();
  for (const d of await Promise.all(subs.map((s) => getVendorDetail(s.vendor.slug))))
    if (d) details.set(d.vendor.slug, d);
  const now = new Date();
  const feed = buildDashboardFeed(
    subs,
    [...details.values()].map((d) => ({ ...d.vendor, incidents: d.incidents, maintenances: d.maintenances })),
    now,
  );

  return (
    <>
      {!usage.timeZoneSet && <TimeZoneDetector />}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Your vendors</h1>
          <p className="text-muted-foreground" data-testid="plan-usage">
            {usageText(usage.count, usage.plan)} on the {usage.plan.name} plan
          </p>
        </div>
        <PlanUsage plan={usage.plan} count={usage.count} waitlisted={usage.waitlistedAt !== null} />
      </div>
      <DashboardNotices params={params} plan={usage.plan} following={subs.map((s) => s.vendor.slug)} />
      <AddVendor followed={subs.map((s) => s.vendor.slug)} />

      <section aria-labelledby="attention-heading" className="space-y-3">
        <h2 id="attention-heading" className="text-xl font-semibold">
          Happening now on your components
        </h2>
        <FeedList
          items={feed.attention}
          label="Open incidents and maintenances on your components"
          empty={
            subs.length ? "Nothing open on the components you follow." : "Follow a vendor to see its incidents here."
          }
        />
      </section>

      <section aria-labelledby="vendors-heading" className="space-y-3">
        <h2 id="vendors-heading" className="text-xl font-semibold">
          Monitored vendors
        </h2>
        {subs.length === 0 ? (
          <p className="text-muted-foreground">
            You do not monitor any vendor yet. Search the catalog above, or paste a status page URL.
          </p>
        ) : (
          <ul aria-label="Monitored vendors" className="divide-y rounded-lg border">
            {subs.map((s) => {
              const d = details.get(s.vendor.slug);
              return (
                <VendorItem
                  key={s.vendor.slug}
                  vendor={{ slug: s.vendor.slug, name: s.vendor.name }}
                  renderedAt={now.getTime()}
                  initialStatus={{
                    slug: s.vendor.slug,
                    status: s.vendor.status,
                    stale: s.vendor.stale,
                    lastCheckedAt: s.vendor.lastCheckedAt,
                    lastSuccessAt: d?.lastSuccessAt ?? null,
                    lastError: null,
                    openIncidents: d?.incidents.filter((i) => !i.resolvedAt).length ?? 0,
                  }}
                  groups={groupComponents(d?.components ?? []).map((g) => ({
                    group: g.group,
                    items: g.items.map((c) => ({ id: c.id, name: c.name })),
                  }))}
                  settings={s}
                />
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-xl font-semibold">
          Last 30 days
        </h2>
        <FeedList
          items={feed.recent}
          label="Incidents and maintenances of your vendors in the last 30 days"
          empty="No incidents or maintenances of your vendors in the last 30 days."
        />
      </section>
    </>
  );
}
