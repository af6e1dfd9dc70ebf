import type { IncidentView, MaintenanceView } from "@/lib/domain/views";
import type { MySubscription } from "@/lib/data/my-subscriptions";

/**
 * The dashboard's two lists, from the user's subscriptions and the vendors' public details:
 * first what is open and touches the components the user chose (open incidents, maintenances in
 * progress or coming), then the last 30 days of everything of their vendors, newest first.
 */
export interface VendorFacts {
  slug: string;
  name: string;
  incidents: IncidentView[];
  maintenances: MaintenanceView[];
}

export type FeedItem =
  | { kind: "incident"; vendor: { slug: string; name: string }; at: string; incident: IncidentView }
  | { kind: "maintenance"; vendor: { slug: string; name: string }; at: string; maintenance: MaintenanceView };

const DAY = 86_400_000;
export const FEED_DAYS = 30;
export const FEED_LIMIT = 60;

/** An item with no listed components may touch any of them: it counts for every subscriber. */
function touches(sub: MySubscription, componentIds: string[]): boolean {
  if (sub.allComponents || componentIds.length === 0) return true;
  return componentIds.some((id) => sub.components.includes(id));
}

const keyOf = (item: FeedItem) =>
  `${item.vendor.slug}:${item.kind}:${item.kind === "incident" ? item.incident.id : item.maintenance.id}`;

export function buildDashboardFeed(subs: MySubscription[], facts: VendorFacts[], now: Date) {
  const bySlug = new Map(subs.map((s) => [s.vendor.slug, s]));
  const since = now.getTime() - FEED_DAYS * DAY;
  const attention: FeedItem[] = [];
  const recent: FeedItem[] = [];
  for (const v of facts) {
    const sub = bySlug.get(v.slug);
    if (!sub) continue;
    const vendor = { slug: v.slug, name: v.name };
    for (const incident of v.incidents) {
      const item: FeedItem = { kind: "incident", vendor, at: incident.startedAt, incident };
      if (!incident.resolvedAt && touches(sub, incident.componentIds)) attention.push(item);
      else if (Date.parse(incident.startedAt) >= since || !incident.resolvedAt) recent.push(item);
    }
    for (const maintenance of v.maintenances) {
      const at = maintenance.scheduledFor ?? maintenance.scheduledUntil ?? now.toISOString();
      const item: FeedItem = { kind: "maintenance", vendor, at, maintenance };
      const ends = Date.parse(maintenance.scheduledUntil ?? maintenance.scheduledFor ?? "") || Infinity;
      const current = maintenance.status !== "completed" && ends >= now.getTime();
      if (current && sub.maintenances && touches(sub, maintenance.componentIds)) attention.push(item);
      else if (Date.parse(at) >= since) recent.push(item);
    }
  }
  const newestFirst = (a: FeedItem, b: FeedItem) => Date.parse(b.at) - Date.parse(a.at);
  // Open incidents first (the newest on top), then maintenances, soonest first.
  const rank = (i: FeedItem) => (i.kind === "incident" ? 0 : 1);
  attention.sort(
    (a, b) => rank(a) - rank(b) || (rank(a) === 0 ? newestFirst(a, b) : Date.parse(a.at) - Date.parse(b.at)),
  );
  const seen = new Set(attention.map(keyOf));
  return {
    attention,
    recent: recent
      .filter((i) => !seen.has(keyOf(i)))
      .sort(newestFirst)
      .slice(0, FEED_LIMIT),
  };
}
