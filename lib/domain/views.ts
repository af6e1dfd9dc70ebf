import type { Impact, IncidentStatus, MaintenanceStatus, Status } from "@/lib/domain/vocabulary";

/**
 * The public shapes of what we know, as the API (`GET /api/v1/vendors/<slug>`), pages, feeds
 * and notifications show them. Times are ISO 8601 strings in UTC; ids are the provider's own.
 */
export interface VendorRef {
  slug: string;
  name: string;
  statusPageUrl: string;
}

export interface IncidentUpdateView {
  status: IncidentStatus;
  body: string;
  at: string;
}

export interface IncidentView {
  id: string;
  title: string;
  status: IncidentStatus;
  impact: Impact;
  startedAt: string;
  resolvedAt: string | null;
  url: string | null;
  componentIds: string[];
  updates: IncidentUpdateView[];
}

export interface MaintenanceView {
  id: string;
  title: string;
  status: MaintenanceStatus;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  componentIds: string[];
}

export interface ComponentRef {
  id: string;
  name: string;
  group: string | null;
  status: Status;
}
