import { db } from "@/lib/db";
import { toIncidentView } from "@/lib/data/incident-view";
import type { IncidentView, MaintenanceView } from "@/lib/domain/views";
import type { Status } from "@/lib/domain/vocabulary";
import { isStale } from "@/lib/data/staleness";
import { type CompactDays, dailyStrip, observedSince, UPTIME_DAYS, uptime } from "@/lib/data/uptime";

const DAY = 86_400_000;
export const RECENT_INCIDENT_DAYS = 30;

export interface VendorDetail {
  vendor: {
    slug: string;
    name: string;
    statusPageUrl: string;
    provider: string | null;
    category: string | null;
    homepageUrl: string | null;
    logoUrl: string | null;
  };
  status: Status;
  stale: boolean;
  lastCheckedAt: string | null;
  /** The first successful poll: history and uptime cover the time since (null: never read). */
  watchedSince: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  components: ComponentView[];
  incidents: IncidentView[];
  maintenances: MaintenanceView[];
}

export interface ComponentView {
  id: string;
  name: string;
  group: string | null;
  status: Status;
  /** Share of the observed part of the last 90 days not spent in an outage; null: no data. */
  uptime90d: number | null;
  /** Where the observed part starts: 90 days ago, or later for a vendor or component seen since. */
  uptimeSince: string | null;
}

/**
 * Each component's daily strip by component id. Kept apart from the detail, which the API and
 * feeds read without strips, and compact, so a vendor with hundreds of components stays one
 * small cache entry.
 */
export type VendorStrips = Record<string, CompactDays>;

/** `/vendors/<slug>/components.json`: what the page's collapsed groups draw when opened. */
export interface VendorComponents {
  components: ComponentView[];
  strips: VendorStrips;
}

export type { IncidentView };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Live components in the vendor's order, with the status intervals that touch the window. */
function componentsWithHistory(vendorId: string, uptimeFrom: Date) {
  return db.component.findMany({
    where: { vendorId, removedAt: null },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      providerId: true,
      name: true,
      group: true,
      status: true,
      history: {
        where: { OR: [{ endedAt: null }, { endedAt: { gte: uptimeFrom } }] },
        orderBy: { startedAt: "asc" },
        select: { status: true, startedAt: true, endedAt: true },
      },
    },
  });
}

export async function loadVendorStrips(slug: string, now = new Date()): Promise<VendorStrips | null> {
  const vendor = await db.vendor.findUnique({ where: { slug }, select: { id: true } });
  if (!vendor) return null;
  const components = await componentsWithHistory(vendor.id, new Date(now.getTime() - UPTIME_DAYS * DAY));
  return Object.fromEntries(components.map((c) => [c.providerId, dailyStrip(c.history, UPTIME_DAYS, now)]));
}

/**
 * Everything public about one vendor, in the shape of `GET /api/v1/vendors/<slug>`:
 * unresolved incidents first, then those resolved in the last 30 days, newest first.
 */
export async function loadVendorDetail(slug: string, now = new Date()): Promise<VendorDetail | null> {
  const vendor = await db.vendor.findUnique({ where: { slug } });
  if (!vendor) return null;
  const since = new Date(now.getTime() - RECENT_INCIDENT_DAYS * DAY);
  const uptimeFrom = new Date(now.getTime() - UPTIME_DAYS * DAY);
  const [components, incidents, maintenances] = await Promise.all([
    componentsWithHistory(vendor.id, uptimeFrom),
    db.incident.findMany({
      where: { vendorId: vendor.id, OR: [{ resolvedAt: null }, { resolvedAt: { gte: since } }] },
      orderBy: { startedAt: "desc" },
      include: {
        updates: { orderBy: { at: "desc" } },
        components: { include: { component: { select: { providerId: true } } } },
      },
    }),
    db.maintenance.findMany({
      where: { vendorId: vendor.id, OR: [{ status: { not: "completed" } }, { scheduledUntil: { gte: since } }] },
      orderBy: [{ scheduledFor: "asc" }],
      include: { components: { include: { component: { select: { providerId: true } } } } },
    }),
  ]);
  const open = incidents.filter((i) => !i.resolvedAt);
  const closed = incidents.filter((i) => i.resolvedAt);
  return {
    vendor: {
      slug: vendor.slug,
      name: vendor.name,
      statusPageUrl: vendor.statusPageUrl,
      provider: vendor.provider,
      category: vendor.category,
      homepageUrl: vendor.homepageUrl,
      logoUrl: vendor.logoUrl,
    },
    status: vendor.status,
    stale: isStale(vendor, now),
    lastCheckedAt: iso(vendor.lastCheckedAt),
    watchedSince: iso(vendor.firstSuccessAt),
    lastSuccessAt: iso(vendor.lastSuccessAt),
    lastError: vendor.lastError,
    components: components.map((c) => ({
      id: c.providerId,
      name: c.name,
      group: c.group,
      status: c.status,
      uptime90d: uptime(c.history, uptimeFrom, now),
      uptimeSince: iso(observedSince(c.history, uptimeFrom, now)),
    })),
    incidents: [...open, ...closed].map((i) => ({
      ...toIncidentView(i),
      componentIds: i.components.map((c) => c.component.providerId).sort(),
    })),
    maintenances: maintenances.map((m) => ({
      id: m.providerId,
      title: m.title,
      status: m.status,
      scheduledFor: iso(m.scheduledFor),
      scheduledUntil: iso(m.scheduledUntil),
      componentIds: m.components.map((c) => c.component.providerId).sort(),
    })),
  };
}
