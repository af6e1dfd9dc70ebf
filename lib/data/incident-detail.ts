import { db } from "@/lib/db";
import { toIncidentView } from "@/lib/data/incident-view";
import type { ComponentRef, IncidentView, VendorRef } from "@/lib/domain/views";

export interface IncidentDetail {
  vendor: VendorRef;
  /** Updates oldest first: a timeline reads top to bottom. */
  incident: Omit<IncidentView, "componentIds"> & { components: ComponentRef[] };
}

/** One incident of one vendor by the provider's incident id; null when either is unknown. */
export async function loadIncidentDetail(slug: string, incidentId: string): Promise<IncidentDetail | null> {
  const vendor = await db.vendor.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, statusPageUrl: true },
  });
  if (!vendor) return null;
  const incident = await db.incident.findUnique({
    where: { vendorId_providerId: { vendorId: vendor.id, providerId: incidentId } },
    include: {
      updates: { orderBy: { at: "asc" } },
      components: {
        include: { component: { select: { providerId: true, name: true, group: true, status: true, position: true } } },
      },
    },
  });
  if (!incident) return null;
  return {
    vendor: { slug: vendor.slug, name: vendor.name, statusPageUrl: vendor.statusPageUrl },
    incident: {
      ...toIncidentView(incident),
      components: incident.components
        .map((c) => c.component)
        .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
        .map((c) => ({ id: c.providerId, name: c.name, group: c.group, status: c.status })),
    },
  };
}
