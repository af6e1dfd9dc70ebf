import type { IncidentView, MaintenanceView, VendorRef } from "@/lib/domain/views";

/** What the feed builders need: plain data, so they stay pure and testable. */
export type FeedVendor = VendorRef;

/** An incident as the public API shows it, minus component links, which feeds do not carry. */
export type FeedIncident = Omit<IncidentView, "componentIds">;

export type FeedMaintenance = Omit<MaintenanceView, "componentIds">;

export interface FeedInput {
  vendor: FeedVendor;
  incidents: FeedIncident[];
  /** Absolute base URL without a trailing slash, from appUrl(). */
  baseUrl: string;
  now: Date;
}

export const vendorUrl = (baseUrl: string, slug: string) => `${baseUrl}/vendors/${encodeURIComponent(slug)}`;
export const incidentUrl = (baseUrl: string, slug: string, id: string) =>
  `${vendorUrl(baseUrl, slug)}/incidents/${encodeURIComponent(id)}`;

/** Latest moment anything happened to an incident, for pubDate/updated. */
export function incidentUpdatedAt(incident: FeedIncident): string {
  let latest =
    incident.resolvedAt && incident.resolvedAt > incident.startedAt ? incident.resolvedAt : incident.startedAt;
  for (const u of incident.updates) if (u.at > latest) latest = u.at;
  return latest;
}
