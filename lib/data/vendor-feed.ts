import { db } from "@/lib/db";
import { toIncidentView } from "@/lib/data/incident-view";
import type { IncidentView, VendorRef } from "@/lib/domain/views";

/** How many incidents a feed carries: enough history for a reader, bounded for the response. */
export const FEED_INCIDENTS = 50;

/** A vendor's latest incidents with their updates, newest first, for RSS and Atom. */
export async function loadVendorFeed(slug: string): Promise<{
  vendor: VendorRef;
  incidents: Array<Omit<IncidentView, "componentIds">>;
} | null> {
  const vendor = await db.vendor.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, statusPageUrl: true },
  });
  if (!vendor) return null;
  const incidents = await db.incident.findMany({
    where: { vendorId: vendor.id },
    orderBy: { updatedAt: "desc" },
    take: FEED_INCIDENTS,
    include: { updates: { orderBy: { at: "desc" }, select: { status: true, body: true, at: true } } },
  });
  return {
    vendor: { slug: vendor.slug, name: vendor.name, statusPageUrl: vendor.statusPageUrl },
    incidents: incidents.map(toIncidentView),
  };
}
